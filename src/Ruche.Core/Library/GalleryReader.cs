using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.People;
using Ruche.Core.Posts;
using Ruche.Core.Spaces;

namespace Ruche.Core.Library;

/// <summary>
/// A space's photo gallery: the images of the posts the reader may read there (<see cref="PostQueries.VisibleTo"/>),
/// newest post first, a post's images in their order. Keyset pages on (post time, post id, position).
/// </summary>
public sealed class GalleryReader(RucheDbContext db, SpaceService spaces, TimeProvider time)
{
    public async Task<(SpaceSummary Space, Page<GalleryPhoto> Photos)> PhotosAsync(Viewer viewer, long spaceId, string? cursor, int? pageSize, CancellationToken cancellationToken)
    {
        var space = await spaces.GetReadableAsync(viewer, spaceId, "Only the space's members see its photos.", cancellationToken);
        var size = Cursor.PageSize(pageSize);
        var after = GalleryCursor.Parse(cursor);
        var now = time.UtcNow();
        var query = db.PostImages.Join(
            db.Posts.VisibleTo(viewer.PersonId).Where(p => p.SpaceId == spaceId),
            i => i.PostId,
            p => p.Id,
            (i, p) => new { Image = i, Post = p });
        if (after is { } at)
        {
            query = query.Where(x => x.Post.CreatedAt < at.PostedAt
                || (x.Post.CreatedAt == at.PostedAt && x.Post.Id < at.PostId)
                || (x.Post.CreatedAt == at.PostedAt && x.Post.Id == at.PostId && x.Image.Position > at.Position));
        }

        var rows = await query.OrderByDescending(x => x.Post.CreatedAt).ThenByDescending(x => x.Post.Id).ThenBy(x => x.Image.Position)
            .Take(size + 1)
            .Select(x => new
            {
                x.Image.FileId,
                x.Image.Position,
                AltText = db.Files.Where(f => f.Id == x.Image.FileId).Select(f => f.AltText).FirstOrDefault(),
                x.Post.Id,
                x.Post.CreatedAt,
                Author = x.Post.Author == null ? null : PersonRefs.Of(x.Post.Author, now),
            })
            .ToListAsync(cancellationToken);
        var photos = rows.Take(size)
            .Select(r => new GalleryPhoto(r.FileId, r.AltText, r.Id, r.Author, r.CreatedAt)).ToList();
        var last = rows.Count > size ? rows[size - 1] : null;
        return (space, new Page<GalleryPhoto>(photos, last is null ? null : GalleryCursor.Format(last.CreatedAt, last.Id, last.Position)));
    }
}

/// <summary>Where a gallery page ends: the last photo's post time (ticks), post id and position.</summary>
public static class GalleryCursor
{
    public static (DateTime PostedAt, long PostId, int Position)? Parse(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return null;
        }

        var parts = cursor.Split('-');
        if (parts.Length == 3
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks > 0 && ticks <= DateTime.MaxValue.Ticks
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var postId) && postId > 0
            && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var position))
        {
            return (new DateTime(ticks, DateTimeKind.Utc), postId, position);
        }

        throw RucheException.Invalid("cursor.invalid", "The cursor is not one this server produced.");
    }

    public static string Format(DateTime postedAt, long postId, int position) =>
        string.Create(CultureInfo.InvariantCulture, $"{postedAt.Ticks}-{postId}-{position}");
}
