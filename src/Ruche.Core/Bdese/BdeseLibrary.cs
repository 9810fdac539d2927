using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Data;

namespace Ruche.Core.Bdese;

/// <summary>
/// What readers of the BDESE see: the grid, a theme's year, an item (any version) and its PDF. Every read of an item,
/// whatever the way, is written to the read log in the same save as nothing else: the read and its trace go together.
/// </summary>
public sealed class BdeseLibrary(RucheDbContext db, BdeseReadLog log, TimeProvider time)
{
    public async Task<BdeseOverview> OverviewAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        BdeseAccess.RequireReader(viewer);
        var today = Today();
        var counts = await db.Set<BdeseItem>().AsNoTracking()
            .GroupBy(i => new { i.Theme, i.Year })
            .Select(g => new { g.Key.Theme, g.Key.Year, Items = g.Count(), Confidential = g.Count(i => i.ConfidentialReason != null && i.ConfidentialUntil >= today) })
            .ToListAsync(cancellationToken);
        var years = BdeseYears.Shown(time.UtcNow(), counts.Select(c => c.Year));
        var rows = BdeseThemes.All.Select(theme => new BdeseThemeRow(theme, years.Select(year =>
        {
            var cell = counts.FirstOrDefault(c => c.Theme == theme && c.Year == year);
            return new BdeseCell(year, cell?.Items ?? 0, cell?.Confidential ?? 0);
        }).ToList())).ToList();
        return new BdeseOverview(years, rows, BdeseAccess.Writes(viewer));
    }

    public async Task<BdeseShelf> ShelfAsync(Viewer viewer, string? theme, int? year, CancellationToken cancellationToken)
    {
        BdeseAccess.RequireReader(viewer);
        var known = BdeseThemes.IsKnown(theme) && year is >= BdeseYears.First and <= 9999 ? theme! : throw BdeseAccess.NotFound();
        var today = Today();
        var items = await db.Set<BdeseItem>().AsNoTracking().Where(i => i.Theme == known && i.Year == year).OrderBy(i => i.Title)
            .Select(i => new BdeseItemLine(i.Id, i.Theme, i.Year, i.Kind, i.Title, i.ConfidentialReason != null && i.ConfidentialUntil >= today, i.VersionCount, i.UpdatedAt))
            .ToListAsync(cancellationToken);
        return new BdeseShelf(known, year!.Value, items, BdeseAccess.Writes(viewer));
    }

    /// <summary>An item at a version (the latest when none is asked), logged as read the given way.</summary>
    public async Task<BdeseItemView> ReadAsync(Viewer viewer, long itemId, int? version, BdeseReadWay way, CancellationToken cancellationToken)
    {
        BdeseAccess.RequireReader(viewer);
        var item = await db.Set<BdeseItem>().AsNoTracking().SingleOrDefaultAsync(i => i.Id == itemId, cancellationToken) ?? throw BdeseAccess.NotFound();
        var number = version ?? item.VersionCount;
        var shown = await db.Set<BdeseVersion>().AsNoTracking().Where(v => v.ItemId == itemId && v.Number == number)
            .Select(v => new { v.Title, v.TableJson, v.DocumentName, v.ConfidentialReason, v.ConfidentialUntil })
            .SingleOrDefaultAsync(cancellationToken) ?? throw RucheException.NotFound("bdese.version-not-found", "No such version of this item.");
        var versions = await db.Set<BdeseVersion>().AsNoTracking().Where(v => v.ItemId == itemId).OrderByDescending(v => v.Number)
            .Join(db.People, v => v.SavedById, p => p.Id, (v, p) => new BdeseVersionLine(v.Number, v.Title, p.DisplayName, v.SavedAt, v.ConfidentialReason != null))
            .ToListAsync(cancellationToken);
        var today = Today();
        var confidentiality = Confidentiality(item, shown.ConfidentialReason, shown.ConfidentialUntil, today);
        var watermark = confidentiality is null ? null : new BdeseWatermark(await NameOfAsync(viewer, cancellationToken), today);
        log.Append(viewer, itemId, number, way);
        await db.SaveChangesAsync(cancellationToken);
        return new BdeseItemView(
            new BdeseItemLine(item.Id, item.Theme, item.Year, item.Kind, item.Title, item.IsConfidentialOn(today), item.VersionCount, item.UpdatedAt),
            number,
            shown.Title,
            shown.TableJson is null ? null : BdeseTable.FromJson(shown.TableJson),
            shown.DocumentName,
            confidentiality,
            watermark,
            versions,
            BdeseAccess.Writes(viewer));
    }

    /// <summary>
    /// The item as a PDF: the uploaded document, or the table drawn as one. When it is confidential today, every page
    /// carries the reader's name and the day. Logged as a download.
    /// </summary>
    public async Task<BdeseDownload> DownloadAsync(Viewer viewer, long itemId, int? version, CancellationToken cancellationToken)
    {
        BdeseAccess.RequireReader(viewer);
        var item = await db.Set<BdeseItem>().AsNoTracking().SingleOrDefaultAsync(i => i.Id == itemId, cancellationToken) ?? throw BdeseAccess.NotFound();
        var number = version ?? item.VersionCount;
        var shown = await db.Set<BdeseVersion>().AsNoTracking().SingleOrDefaultAsync(v => v.ItemId == itemId && v.Number == number, cancellationToken)
            ?? throw RucheException.NotFound("bdese.version-not-found", "No such version of this item.");
        var today = Today();
        var watermark = Confidentiality(item, shown.ConfidentialReason, shown.ConfidentialUntil, today) is null
            ? null
            : new BdeseWatermark(await NameOfAsync(viewer, cancellationToken), today);
        var content = shown.Document is { } document
            ? watermark is null ? document : BdesePdf.Stamp(document, watermark)
            : BdesePdf.OfTable(shown.Title, item.Year, BdeseTable.FromJson(shown.TableJson!), watermark);
        log.Append(viewer, itemId, number, BdeseReadWay.Download);
        await db.SaveChangesAsync(cancellationToken);
        return new BdeseDownload($"bdese-{item.Theme}-{item.Year}-{item.Id}-v{number}.pdf", content);
    }

    /// <summary>Confidential today if the item is, or if the version read was and its last day is not past.</summary>
    private static BdeseConfidentiality? Confidentiality(BdeseItem item, string? versionReason, DateOnly? versionUntil, DateOnly today)
    {
        if (item.IsConfidentialOn(today))
        {
            return new BdeseConfidentiality(item.ConfidentialReason!, item.ConfidentialUntil!.Value);
        }

        return versionReason is not null && versionUntil is { } until && today <= until ? new BdeseConfidentiality(versionReason, until) : null;
    }

    private async Task<string> NameOfAsync(Viewer viewer, CancellationToken cancellationToken) =>
        await db.People.Where(p => p.Id == viewer.PersonId).Select(p => p.DisplayName).SingleAsync(cancellationToken);

    private DateOnly Today() => DateOnly.FromDateTime(time.UtcNow());
}
