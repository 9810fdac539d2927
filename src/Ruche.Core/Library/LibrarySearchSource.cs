using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.People;
using Ruche.Core.Search;

namespace Ruche.Core.Library;

/// <summary>Library files by name (and folder), found by whoever reads their space (<see cref="LibraryQueries.VisibleTo(IQueryable{LibraryFile}, long)"/>).</summary>
public sealed class LibrarySearchSource(TimeProvider time) : ISearchSource
{
    public const string KindName = "library-file";

    public string Kind => KindName;

    public IEnumerable<Func<long>> Touched(EntityEntry entry)
    {
        if (entry.Entity is LibraryFile file && (entry.State != EntityState.Modified || entry.Property(nameof(LibraryFile.Name)).IsModified))
        {
            yield return () => file.Id;
        }
    }

    public async Task<IReadOnlyList<SearchSourceDocument>> LoadAsync(RucheDbContext db, SearchBatch batch, CancellationToken cancellationToken)
    {
        var files = batch.Ids is { } ids
            ? db.Set<LibraryFile>().Where(f => ids.Contains(f.Id))
            : db.Set<LibraryFile>().Where(f => f.Id > batch.AfterId).OrderBy(f => f.Id).Take(batch.Size);
        return await files
            .Select(f => new SearchSourceDocument(f.Id, f.Name, f.Folder == null ? f.Name : f.Folder.Name + " / " + f.Name, f.SpaceId, f.CreatedById, f.CreatedAt))
            .ToListAsync(cancellationToken);
    }

    public Expression<Func<SearchHit, bool>> ReadableBy(RucheDbContext db, Viewer viewer)
    {
        var visible = db.Set<LibraryFile>().VisibleTo(viewer.PersonId);
        return h => visible.Any(f => f.Id == h.SourceId);
    }

    public Expression<Func<SearchHit, bool>>? Tagged(RucheDbContext db, string tag) => null;

    public async Task<IReadOnlyDictionary<long, SearchSourceView>> DescribeAsync(RucheDbContext db, Viewer viewer, IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var rows = await db.Set<LibraryFile>().VisibleTo(viewer.PersonId).Where(f => ids.Contains(f.Id))
            .Select(f => new
            {
                f.Id,
                f.Name,
                f.SpaceId,
                Folder = f.Folder == null ? null : f.Folder.Name,
                f.UpdatedAt,
                Author = PersonRefs.Of(f.CreatedBy!, now),
                Space = new SpaceRef(f.Space!.Id, f.Space.Name, f.Space.Visibility),
            })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(
            r => r.Id,
            r => new SearchSourceView(r.Name, r.Folder is null ? r.Name : $"{r.Folder} / {r.Name}", $"/spaces/{r.SpaceId}/files/{r.Id}", r.Author, r.Space, r.UpdatedAt));
    }
}
