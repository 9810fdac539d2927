using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.Posts;
using Ruche.Core.Spaces;

namespace Ruche.Core.Feeds;

/// <summary>
/// Turns a filtered query of posts into cards with a fixed number of SQL commands, whatever the page
/// size: the page, then its tags, images, reactions, shared originals and the reader's moderation rights.
/// </summary>
public sealed class PostCardLoader(RucheDbContext db, Goals.GoalListLoader goalLists, TimeProvider time)
{
    public async Task<Page<PostCard>> PageAsync(Viewer viewer, IQueryable<Post> posts, string? cursor, int? pageSize, CancellationToken cancellationToken)
    {
        var size = Cursor.PageSize(pageSize);
        var before = Cursor.Parse(cursor);
        if (before is { } last)
        {
            posts = posts.Where(p => p.Id < last);
        }

        var cards = await LoadAsync(viewer, posts.OrderByDescending(p => p.Id).Take(size + 1), cancellationToken);
        var hasMore = cards.Count > size;
        var items = hasMore ? cards.Take(size).ToList() : cards;
        return new Page<PostCard>(items, hasMore ? Cursor.Format(items[^1].Id) : null);
    }

    /// <summary>Loads cards for an ordered, already visibility-filtered query.</summary>
    public async Task<List<PostCard>> LoadAsync(Viewer viewer, IQueryable<Post> orderedPosts, CancellationToken cancellationToken)
    {
        var rows = await Rows(orderedPosts, viewer.PersonId).ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return [];
        }

        var ids = rows.Select(r => r.Id).ToList();
        var tags = (await db.PostTags.Where(t => ids.Contains(t.PostId)).Select(t => new { t.PostId, t.Tag }).ToListAsync(cancellationToken))
            .ToLookup(t => t.PostId, t => t.Tag);
        var images = (await db.PostImages.Where(i => ids.Contains(i.PostId)).OrderBy(i => i.Position)
                .Select(i => new { i.PostId, i.FileId }).ToListAsync(cancellationToken))
            .ToLookup(i => i.PostId, i => i.FileId);
        var reactions = (await db.Reactions.Where(r => ids.Contains(r.PostId))
                .GroupBy(r => new { r.PostId, r.Kind })
                .Select(g => new { g.Key.PostId, g.Key.Kind, Count = g.Count(), Mine = g.Count(r => r.PersonId == viewer.PersonId) })
                .ToListAsync(cancellationToken))
            .ToLookup(r => r.PostId, r => new ReactionCount(r.Kind, r.Count, r.Mine > 0));

        var sharedIds = rows.Where(r => r.SharedPostId != null).Select(r => r.SharedPostId!.Value).Distinct().ToList();
        var shared = sharedIds.Count == 0
            ? []
            : (await Rows(db.Posts.VisibleTo(viewer.PersonId).Where(p => sharedIds.Contains(p.Id)), viewer.PersonId).ToListAsync(cancellationToken))
                .ToDictionary(r => r.Id);

        var spaceIds = rows.Where(r => r.Space != null).Select(r => r.Space!.Id).Distinct().ToList();
        var moderated = spaceIds.Count == 0
            ? []
            : (await db.SpaceMemberships
                .Where(m => m.PersonId == viewer.PersonId && m.Status == MembershipStatus.Active && spaceIds.Contains(m.SpaceId)
                    && (m.Role == SpaceRole.Owner || m.Role == SpaceRole.Moderator))
                .Select(m => m.SpaceId).ToListAsync(cancellationToken))
                .ToHashSet();

        // Daily goals posts bring their list (three more queries, only on pages that hold one).
        var goalPostIds = rows.Where(r => r.HasGoals).Select(r => r.Id).ToList();
        var goals = goalPostIds.Count == 0
            ? []
            : (await goalLists.LoadAsync(viewer, db.GoalLists.Where(l => goalPostIds.Contains(l.PostId)), cancellationToken)).ToDictionary(l => l.PostId);

        return rows.Select(r =>
        {
            var mine = r.Author.Id == viewer.PersonId;
            var moderates = r.Space != null && moderated.Contains(r.Space.Id);
            return new PostCard(
                r.Id,
                r.Author,
                r.Space,
                r.Body,
                r.BodyHtml,
                r.CreatedAt,
                r.EditedAt,
                r.PinnedAt,
                tags[r.Id].Order(StringComparer.Ordinal).ToList(),
                images[r.Id].ToList(),
                r.CommentCount,
                reactions[r.Id].OrderBy(c => c.Kind).ToList(),
                r.SharedPostId is null && !r.IsShare ? null : SharedCard(r.SharedPostId, shared),
                new PostPermissions(Edit: mine, Delete: mine || moderates || viewer.IsAdministrator, Pin: moderates),
                goals.GetValueOrDefault(r.Id));
        }).ToList();
    }

    private static SharedPostCard SharedCard(long? id, Dictionary<long, Row> shared) =>
        id is { } sharedId && shared.TryGetValue(sharedId, out var original)
            ? new SharedPostCard(true, original.Id, original.Author, original.Space, original.BodyHtml, original.CreatedAt)
            : new SharedPostCard(false, null, null, null, null, null);

    private IQueryable<Row> Rows(IQueryable<Post> posts, long viewerId)
    {
        var presence = Presence.PresenceQueries.Current(db, time.UtcNow());
        return posts.Select(p => new Row(
            p.Id,
            new PersonRef(p.Author!.Id, p.Author.DisplayName, p.Author.Handle, p.Author.JobTitle, p.Author.TimeZone, p.Author.PhotoFileId)
            {
                Presence = presence.Where(s => s.PersonId == p.AuthorId).Select(s => new Presence.PresenceBadge(s.Mode, s.Note)).FirstOrDefault(),
            },
            p.SpaceId == null ? null : new SpaceRef(p.Space!.Id, p.Space.Name, p.Space.Visibility),
            p.Body,
            p.BodyHtml,
            p.CreatedAt,
            p.EditedAt,
            p.PinnedAt,
            p.SharedPostId,
            p.IsShare,
            p.Comments.Count(),
            db.GoalLists.Any(l => l.PostId == p.Id)));
    }

    private sealed record Row(
        long Id,
        PersonRef Author,
        SpaceRef? Space,
        string Body,
        string BodyHtml,
        DateTime CreatedAt,
        DateTime? EditedAt,
        DateTime? PinnedAt,
        long? SharedPostId,
        bool IsShare,
        int CommentCount,
        bool HasGoals);
}
