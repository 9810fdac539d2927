using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.People;
using Ruche.Core.Posts;
using Ruche.Core.Search;
using Ruche.Core.Spaces;

namespace Ruche.Core.Posts;

/// <summary>Comments, readable by whoever reads their post (<see cref="PostQueries.VisibleTo"/>).</summary>
public sealed class CommentSearchSource(TimeProvider time) : ISearchSource
{
    public const string KindName = "comment";

    public string Kind => KindName;

    public IEnumerable<Func<long>> Touched(EntityEntry entry)
    {
        if (entry.Entity is Comment comment && (entry.State != EntityState.Modified || entry.Property(nameof(Comment.Body)).IsModified))
        {
            yield return () => comment.Id;
        }
    }

    public async Task<IReadOnlyList<SearchSourceDocument>> LoadAsync(RucheDbContext db, SearchBatch batch, CancellationToken cancellationToken)
    {
        var comments = batch.Ids is { } ids
            ? db.Comments.Where(c => ids.Contains(c.Id))
            : db.Comments.Where(c => c.Id > batch.AfterId).OrderBy(c => c.Id).Take(batch.Size);
        return await comments
            .Select(c => new SearchSourceDocument(
                c.Id, null, c.Body, db.Posts.Where(p => p.Id == c.PostId).Select(p => p.SpaceId).FirstOrDefault(), c.AuthorId, c.CreatedAt))
            .ToListAsync(cancellationToken);
    }

    public Expression<Func<SearchHit, bool>> ReadableBy(RucheDbContext db, Viewer viewer)
    {
        var visiblePosts = db.Posts.VisibleTo(viewer.PersonId);
        // A hidden comment leaves search for everyone; its author and moderators still see it under its post.
        return h => db.Comments.Any(c => c.Id == h.SourceId && c.HiddenAt == null && visiblePosts.Any(p => p.Id == c.PostId));
    }

    public Expression<Func<SearchHit, bool>>? Tagged(RucheDbContext db, string tag) => null;

    public async Task<IReadOnlyDictionary<long, SearchSourceView>> DescribeAsync(RucheDbContext db, Viewer viewer, IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        var now = Data.Clock.UtcNow(time);
        var visiblePosts = db.Posts.VisibleTo(viewer.PersonId);
        var rows = await db.Comments.Where(c => ids.Contains(c.Id))
            .Join(visiblePosts, c => c.PostId, p => p.Id, (c, p) => new
            {
                c.Id,
                c.PostId,
                c.Body,
                c.CreatedAt,
                Author = PersonRefs.Of(c.Author!, now),
                Space = p.SpaceId == null ? null : new SpaceRef(p.Space!.Id, p.Space.Name, p.Space.Visibility),
            })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(
            r => r.Id,
            r => new SearchSourceView(null, Content.MarkdownContent.PlainText(r.Body), $"/posts/{r.PostId}#comment-{r.Id}", r.Author, r.Space, r.CreatedAt));
    }
}
