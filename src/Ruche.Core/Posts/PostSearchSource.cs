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

/// <summary>Posts, readable as <see cref="PostQueries.VisibleTo"/> says.</summary>
public sealed class PostSearchSource(TimeProvider time) : ISearchSource
{
    public const string KindName = "post";

    public string Kind => KindName;

    public IEnumerable<Func<long>> Touched(EntityEntry entry)
    {
        if (entry.Entity is Post post && (entry.State != EntityState.Modified || entry.Property(nameof(Post.Body)).IsModified))
        {
            yield return () => post.Id;
        }
    }

    public async Task<IReadOnlyList<SearchSourceDocument>> LoadAsync(RucheDbContext db, SearchBatch batch, CancellationToken cancellationToken)
    {
        var posts = batch.Ids is { } ids
            ? db.Posts.Where(p => ids.Contains(p.Id))
            : db.Posts.Where(p => p.Id > batch.AfterId).OrderBy(p => p.Id).Take(batch.Size);
        return await posts
            .Select(p => new SearchSourceDocument(p.Id, null, p.Body, p.SpaceId, p.AuthorId, p.CreatedAt))
            .ToListAsync(cancellationToken);
    }

    public Expression<Func<SearchHit, bool>> ReadableBy(RucheDbContext db, Viewer viewer)
    {
        var visible = db.Posts.VisibleTo(viewer.PersonId);
        return h => visible.Any(p => p.Id == h.SourceId);
    }

    public Expression<Func<SearchHit, bool>>? Tagged(RucheDbContext db, string tag) =>
        h => db.PostTags.Any(t => t.PostId == h.SourceId && t.Tag == tag);

    public async Task<IReadOnlyDictionary<long, SearchSourceView>> DescribeAsync(RucheDbContext db, Viewer viewer, IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        var now = Data.Clock.UtcNow(time);
        var rows = await db.Posts.VisibleTo(viewer.PersonId).Where(p => ids.Contains(p.Id))
            .Select(p => new
            {
                p.Id,
                p.Body,
                p.CreatedAt,
                Author = p.AuthorId == null ? null : PersonRefs.Of(p.Author!, now),
                Space = p.SpaceId == null ? null : new SpaceRef(p.Space!.Id, p.Space.Name, p.Space.Visibility),
            })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(
            r => r.Id,
            r => new SearchSourceView(null, Content.MarkdownContent.PlainText(r.Body), $"/posts/{r.Id}", r.Author, r.Space, r.CreatedAt));
    }
}
