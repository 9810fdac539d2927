using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.People;
using Ruche.Core.Search;

namespace Ruche.Core.Irritants;

/// <summary>
/// Irritants by description and HR's answer, found by whoever reads them (everyone, as <see cref="IrritantSubject"/>
/// says: a withdrawn or moved irritant has no row, so no hit). A document never carries an anonymous reporter: no
/// author id, and the day it was reported rather than a time. An anonymous irritant is indexed only once HR has
/// answered it (or by a rebuild, in random id order): indexing it when reported would insert a search document at that
/// moment, whose place in the documents' sequence would line it up with what its reporter did just before or after.
/// </summary>
public sealed class IrritantSearchSource(TimeProvider time) : ISearchSource
{
    public const string KindName = "irritant";

    public string Kind => KindName;

    public IEnumerable<Func<long>> Touched(EntityEntry entry)
    {
        if (entry.Entity is not Irritant irritant)
        {
            yield break;
        }

        var touched = entry.State switch
        {
            EntityState.Added => irritant.ReporterId is not null,
            EntityState.Deleted => true,
            EntityState.Modified => entry.Property(nameof(Irritant.Response)).IsModified || entry.Property(nameof(Irritant.Description)).IsModified,
            _ => false,
        };
        if (touched)
        {
            yield return () => irritant.Id;
        }
    }

    public async Task<IReadOnlyList<SearchSourceDocument>> LoadAsync(RucheDbContext db, SearchBatch batch, CancellationToken cancellationToken)
    {
        var irritants = batch.Ids is { } ids
            ? db.Set<Irritant>().Where(i => ids.Contains(i.Id))
            : db.Set<Irritant>().Where(i => i.Id > batch.AfterId).OrderBy(i => i.Id).Take(batch.Size);
        var rows = await irritants
            .Where(i => i.ReporterId != null || i.RespondedAt != null)
            .Select(i => new { i.Id, i.Description, i.Response, i.ReporterId, i.ReportedOn })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new SearchSourceDocument(
            r.Id, null, r.Response is null ? r.Description : $"{r.Description}\n{r.Response}", null, r.ReporterId,
            r.ReportedOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)))];
    }

    public Expression<Func<SearchHit, bool>> ReadableBy(RucheDbContext db, Viewer viewer)
    {
        var readable = db.Set<Irritant>();
        return h => readable.Any(i => i.Id == h.SourceId);
    }

    public Expression<Func<SearchHit, bool>>? Tagged(RucheDbContext db, string tag) => null;

    public async Task<IReadOnlyDictionary<long, SearchSourceView>> DescribeAsync(RucheDbContext db, Viewer viewer, IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var rows = await db.Set<Irritant>().Where(i => ids.Contains(i.Id))
            .Select(i => new { i.Id, i.Description, i.ReportedOn, Reporter = i.Reporter == null ? null : PersonRefs.Of(i.Reporter, now) })
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(
            r => r.Id,
            r => new SearchSourceView(null, r.Description, $"/irritants/{r.Id}", r.Reporter, null, r.ReportedOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)));
    }
}
