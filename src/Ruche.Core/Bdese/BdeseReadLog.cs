using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Data;

namespace Ruche.Core.Bdese;

/// <summary>Appends reads (inside the caller's unit of work) and lists them to readers. Nothing here changes or removes one.</summary>
public sealed class BdeseReadLog(RucheDbContext db, TimeProvider time)
{
    public const int PageSize = 50;

    internal void Append(Viewer viewer, long itemId, int version, BdeseReadWay way) =>
        db.Add(new BdeseRead { ItemId = itemId, VersionNumber = version, ReaderId = viewer.PersonId, At = time.UtcNow(), Way = way });

    /// <summary>The log, newest first, for a reader of the BDESE (optionally one item's), by keyset pages.</summary>
    public async Task<Page<BdeseLogLine>> ListAsync(Viewer viewer, long? itemId, string? cursor, CancellationToken cancellationToken)
    {
        BdeseAccess.RequireReader(viewer);
        var before = Cursor.Parse(cursor);
        var reads = db.Set<BdeseRead>().AsNoTracking();
        if (itemId is { } item)
        {
            reads = reads.Where(r => r.ItemId == item);
        }

        if (before is { } last)
        {
            reads = reads.Where(r => r.Id < last);
        }

        var rows = await reads.OrderByDescending(r => r.Id).Take(PageSize + 1)
            .Join(db.Set<BdeseItem>(), r => r.ItemId, i => i.Id, (r, i) => new { r.Id, r.At, r.ItemId, i.Title, i.Theme, i.Year, r.VersionNumber, r.ReaderId, r.Way })
            .Join(db.People, x => x.ReaderId, p => p.Id, (x, p) => new { x.Id, x.At, x.ItemId, x.Title, x.Theme, x.Year, x.VersionNumber, p.DisplayName, x.Way })
            .ToListAsync(cancellationToken);
        var lines = rows.OrderByDescending(x => x.Id)
            .Select(x => new BdeseLogLine(x.Id, x.At, x.ItemId, x.Title, x.Theme, x.Year, x.VersionNumber, x.DisplayName, x.Way)).ToList();
        var more = lines.Count > PageSize;
        var page = lines.Take(PageSize).ToList();
        return new Page<BdeseLogLine>(page, more ? Cursor.Format(page[^1].Id) : null);
    }
}
