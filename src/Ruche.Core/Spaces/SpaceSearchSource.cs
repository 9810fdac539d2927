using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.Search;
using Ruche.Core.Spaces;

namespace Ruche.Core.Spaces;

/// <summary>Spaces by name and description, found by whoever may know they exist (<see cref="SpaceQueries.ListedTo"/>).</summary>
public sealed class SpaceSearchSource : ISearchSource
{
    public const string KindName = "space";

    public string Kind => KindName;

    public IEnumerable<Func<long>> Touched(EntityEntry entry)
    {
        if (entry.Entity is Space space
            && (entry.State != EntityState.Modified || entry.Property(nameof(Space.Name)).IsModified || entry.Property(nameof(Space.Description)).IsModified))
        {
            yield return () => space.Id;
        }
    }

    public async Task<IReadOnlyList<SearchSourceDocument>> LoadAsync(RucheDbContext db, SearchBatch batch, CancellationToken cancellationToken)
    {
        var spaces = batch.Ids is { } ids
            ? db.Spaces.Where(s => ids.Contains(s.Id))
            : db.Spaces.Where(s => s.Id > batch.AfterId).OrderBy(s => s.Id).Take(batch.Size);
        return await spaces
            .Select(s => new SearchSourceDocument(s.Id, s.Name, s.Description ?? string.Empty, s.Id, null, s.CreatedAt))
            .ToListAsync(cancellationToken);
    }

    public Expression<Func<SearchHit, bool>> ReadableBy(RucheDbContext db, Viewer viewer)
    {
        var listed = db.Spaces.ListedTo(viewer.PersonId);
        return h => listed.Any(s => s.Id == h.SourceId);
    }

    public Expression<Func<SearchHit, bool>>? Tagged(RucheDbContext db, string tag) => null;

    public async Task<IReadOnlyDictionary<long, SearchSourceView>> DescribeAsync(RucheDbContext db, Viewer viewer, IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        var rows = await db.Spaces.ListedTo(viewer.PersonId).Where(s => ids.Contains(s.Id))
            .Select(s => new { s.Id, s.Name, s.Description, s.Visibility, s.CreatedAt })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(
            r => r.Id,
            r => new SearchSourceView(r.Name, r.Description ?? string.Empty, $"/spaces/{r.Id}", null, new SpaceRef(r.Id, r.Name, r.Visibility), r.CreatedAt));
    }
}
