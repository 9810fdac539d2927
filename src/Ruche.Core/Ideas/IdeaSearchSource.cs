using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.People;
using Ruche.Core.Search;

namespace Ruche.Core.Ideas;

/// <summary>Ideas by title and description, found by whoever reads them (<see cref="IdeaQueries.VisibleTo"/>).</summary>
public sealed class IdeaSearchSource(TimeProvider time) : ISearchSource
{
    public const string KindName = "idea";

    public string Kind => KindName;

    public IEnumerable<Func<long>> Touched(EntityEntry entry)
    {
        if (entry.Entity is Idea idea
            && (entry.State != EntityState.Modified || entry.Property(nameof(Idea.Title)).IsModified || entry.Property(nameof(Idea.Description)).IsModified))
        {
            yield return () => idea.Id;
        }
    }

    public async Task<IReadOnlyList<SearchSourceDocument>> LoadAsync(RucheDbContext db, SearchBatch batch, CancellationToken cancellationToken)
    {
        var ideas = batch.Ids is { } ids
            ? db.Set<Idea>().Where(i => ids.Contains(i.Id))
            : db.Set<Idea>().Where(i => i.Id > batch.AfterId).OrderBy(i => i.Id).Take(batch.Size);
        return await ideas
            .Select(i => new SearchSourceDocument(i.Id, i.Title, i.Description, i.SpaceId, i.AuthorId, i.CreatedAt))
            .ToListAsync(cancellationToken);
    }

    public Expression<Func<SearchHit, bool>> ReadableBy(RucheDbContext db, Viewer viewer)
    {
        var visible = db.Set<Idea>().VisibleTo(viewer.PersonId);
        return h => visible.Any(i => i.Id == h.SourceId);
    }

    public Expression<Func<SearchHit, bool>>? Tagged(RucheDbContext db, string tag) =>
        h => db.Set<IdeaTag>().Any(t => t.IdeaId == h.SourceId && t.Tag == tag);

    public async Task<IReadOnlyDictionary<long, SearchSourceView>> DescribeAsync(RucheDbContext db, Viewer viewer, IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var rows = await db.Set<Idea>().VisibleTo(viewer.PersonId).Where(i => ids.Contains(i.Id))
            .Select(i => new
            {
                i.Id,
                i.Title,
                i.Description,
                i.CreatedAt,
                Author = PersonRefs.Of(i.Author!, now),
                Space = i.Space == null ? null : new SpaceRef(i.Space.Id, i.Space.Name, i.Space.Visibility),
            })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(
            r => r.Id,
            r => new SearchSourceView(r.Title, Content.MarkdownContent.PlainText(r.Description), $"/ideas/{r.Id}", r.Author, r.Space, r.CreatedAt));
    }
}
