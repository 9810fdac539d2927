using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.People;
using Ruche.Core.Search;

namespace Ruche.Core.Wiki;

/// <summary>Pages by title and latest text, found by whoever reads them (<see cref="WikiQueries.VisibleTo"/>).</summary>
public sealed class WikiSearchSource(TimeProvider time) : ISearchSource
{
    public const string KindName = "page";

    public string Kind => KindName;

    /// <summary>A new page, or a new revision of one (a save writes the page's text and its revision in one transaction).</summary>
    public IEnumerable<Func<long>> Touched(EntityEntry entry)
    {
        if (entry.Entity is WikiPage page && entry.State != EntityState.Deleted)
        {
            yield return () => page.Id;
        }
        else if (entry.Entity is WikiRevision revision && entry.State == EntityState.Added)
        {
            yield return () => revision.PageId;
        }
    }

    public async Task<IReadOnlyList<SearchSourceDocument>> LoadAsync(RucheDbContext db, SearchBatch batch, CancellationToken cancellationToken)
    {
        var pages = batch.Ids is { } ids
            ? db.Set<WikiPage>().Where(p => ids.Contains(p.Id))
            : db.Set<WikiPage>().Where(p => p.Id > batch.AfterId).OrderBy(p => p.Id).Take(batch.Size);
        return await pages
            .Select(p => new SearchSourceDocument(p.Id, p.Title, p.Text, p.SpaceId, p.UpdatedById, p.UpdatedAt))
            .ToListAsync(cancellationToken);
    }

    public Expression<Func<SearchHit, bool>> ReadableBy(RucheDbContext db, Viewer viewer)
    {
        var visible = db.Set<WikiPage>().VisibleTo(viewer.PersonId);
        return h => visible.Any(p => p.Id == h.SourceId);
    }

    public Expression<Func<SearchHit, bool>>? Tagged(RucheDbContext db, string tag) => null;

    public async Task<IReadOnlyDictionary<long, SearchSourceView>> DescribeAsync(RucheDbContext db, Viewer viewer, IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var rows = await db.Set<WikiPage>().VisibleTo(viewer.PersonId).Where(p => ids.Contains(p.Id))
            .Select(p => new
            {
                p.Id,
                p.SpaceId,
                p.Slug,
                p.Title,
                p.Text,
                p.UpdatedAt,
                Author = PersonRefs.Of(p.UpdatedBy!, now),
                Space = new SpaceRef(p.Space!.Id, p.Space.Name, p.Space.Visibility),
            })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(
            r => r.Id,
            r => new SearchSourceView(r.Title, Content.MarkdownContent.PlainText(r.Text), WikiPaths.Page(r.SpaceId, r.Slug), r.Author, r.Space, r.UpdatedAt));
    }
}
