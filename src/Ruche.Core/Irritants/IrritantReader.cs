using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.People;

namespace Ruche.Core.Irritants;

/// <summary>
/// Irritants as everyone reads them (public by design): the list, newest day first by keyset in one SQL command; one
/// irritant; those past their response target (HR); and the trend by category or site. No query here selects who
/// said "me too": only the count, and only from <see cref="IrritantRules.MeTooShownFrom"/>.
/// </summary>
public sealed class IrritantReader(RucheDbContext db, TimeProvider time)
{
    /// <summary>Periods the trend shows: 12 weeks or 12 months.</summary>
    public const int TrendPeriods = 12;

    public const int OverdueMax = 200;

    public async Task<Page<IrritantCard>> ListAsync(
        Viewer viewer, string? status, string? category, long? siteId, string? cursor, int? pageSize, CancellationToken cancellationToken)
    {
        var size = Cursor.PageSize(pageSize);
        var irritants = db.Set<Irritant>().AsQueryable();
        if (IrritantRules.StatusOrNull(status) is { } s)
        {
            irritants = irritants.Where(i => i.Status == s);
        }

        if (!string.IsNullOrWhiteSpace(category))
        {
            var code = IrritantCategories.Check(category);
            irritants = irritants.Where(i => i.Category == code);
        }

        if (siteId is { } site)
        {
            irritants = irritants.Where(i => i.SiteId == site);
        }

        if (ParseCursor(cursor) is var (day, id))
        {
            irritants = irritants.Where(i => i.ReportedOn < day || (i.ReportedOn == day && i.Id < id));
        }

        var cards = await CardsAsync(viewer, irritants.OrderByDescending(i => i.ReportedOn).ThenByDescending(i => i.Id).Take(size + 1), cancellationToken);
        var next = cards.Count > size
            ? $"{cards[size - 1].ReportedOn.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}-{Cursor.Format(cards[size - 1].Id)}"
            : null;
        return new Page<IrritantCard>([.. cards.Take(size)], next);
    }

    public async Task<IrritantCard> GetAsync(Viewer viewer, long irritantId, CancellationToken cancellationToken) =>
        (await CardsAsync(viewer, db.Set<Irritant>().Where(i => i.Id == irritantId), cancellationToken)).SingleOrDefault()
        ?? throw IrritantService.NotFound();

    /// <summary>Irritants not answered by their due date, oldest due first (HR and administrators).</summary>
    public async Task<IReadOnlyList<IrritantCard>> OverdueAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        if (!IrritantRights.MayHandle(viewer))
        {
            throw RucheException.Forbidden("irritant.hr-only", "HR handles irritants.");
        }

        var today = DateOnly.FromDateTime(time.UtcNow());
        return await CardsAsync(
            viewer,
            db.Set<Irritant>().Where(i => i.RespondedAt == null && i.DueOn < today).OrderBy(i => i.DueOn).ThenBy(i => i.Id).Take(OverdueMax),
            cancellationToken);
    }

    /// <summary>Irritants reported per week or month over the last 12, by category or by site (one query, counted here).</summary>
    public async Task<IrritantTrend> TrendAsync(string? period, string? by, CancellationToken cancellationToken)
    {
        var monthly = period switch
        {
            null or "" or "months" => true,
            "weeks" => false,
            _ => throw RucheException.Invalid("irritant.period-invalid", "The period is weeks or months."),
        };
        var bySite = by switch
        {
            null or "" or "category" => false,
            "site" => true,
            _ => throw RucheException.Invalid("irritant.by-invalid", "The trend is by category or by site."),
        };
        var today = LocalDate.FromDateTime(time.UtcNow());
        var first = monthly
            ? new LocalDate(today.Year, today.Month, 1).PlusMonths(-(TrendPeriods - 1))
            : today.PlusDays(-((int)today.DayOfWeek - 1)).PlusWeeks(-(TrendPeriods - 1));
        var periods = Enumerable.Range(0, TrendPeriods).Select(n => (monthly ? first.PlusMonths(n) : first.PlusWeeks(n)).ToDateOnly()).ToList();
        var from = first.ToDateOnly();
        var rows = await db.Set<Irritant>().Where(i => i.ReportedOn >= from)
            .Select(i => new { i.ReportedOn, i.Category, Site = i.Site == null ? null : i.Site.Name })
            .ToListAsync(cancellationToken);
        var series = bySite
            ? rows.Select(r => r.Site ?? string.Empty).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList()
            : [.. IrritantCategories.All.Where(c => rows.Any(r => r.Category == c))];
        var counts = periods.Select(start =>
        {
            var end = monthly ? start.AddMonths(1) : start.AddDays(7);
            return (IReadOnlyList<int>)series.Select(name => rows.Count(r => r.ReportedOn >= start && r.ReportedOn < end
                && (bySite ? (r.Site ?? string.Empty) == name : r.Category == name))).ToList();
        }).ToList();
        return new IrritantTrend(monthly ? "months" : "weeks", bySite ? "site" : "category", periods, series, counts);
    }

    /// <summary>The sites and departments an irritant may name, by name.</summary>
    public async Task<IrritantPlaces> PlacesAsync(CancellationToken cancellationToken) =>
        new(
            await db.Sites.OrderBy(s => s.Name).Select(s => new IrritantPlace(s.Id, s.Name)).ToListAsync(cancellationToken),
            await db.Departments.OrderBy(d => d.Name).Select(d => new IrritantPlace(d.Id, d.Name)).ToListAsync(cancellationToken));

    private async Task<List<IrritantCard>> CardsAsync(Viewer viewer, IQueryable<Irritant> irritants, CancellationToken cancellationToken)
    {
        var me = viewer.PersonId;
        var now = time.UtcNow();
        var today = DateOnly.FromDateTime(now);
        var handles = IrritantRights.MayHandle(viewer);
        var rows = await irritants
            .Select(i => new
            {
                i.Id,
                i.Category,
                i.Description,
                Site = i.Site == null ? null : i.Site.Name,
                Department = i.Department == null ? null : i.Department.Name,
                Reporter = i.Reporter == null ? null : PersonRefs.Of(i.Reporter, now),
                i.ReportedOn,
                i.Status,
                Owner = i.Owner == null ? null : PersonRefs.Of(i.Owner, now),
                i.Response,
                i.RespondedAt,
                i.DueOn,
                i.MeTooCount,
                Said = db.Set<IrritantMeToo>().Any(m => m.IrritantId == i.Id && m.PersonId == me),
                Mine = i.ReporterId == me,
            })
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        return rows.Select(r => new IrritantCard(
                r.Id, r.Category, r.Description, r.Site, r.Department, r.Reporter, r.ReportedOn, IrritantRules.Name(r.Status), r.Owner, r.Response,
                r.RespondedAt, r.DueOn, r.RespondedAt is null && r.DueOn < today, IrritantRules.Shown(r.MeTooCount), r.Said, r.Mine, handles))
            .ToList();
    }

    private static (DateOnly Day, long Id)? ParseCursor(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return null;
        }

        var dash = cursor.IndexOf('-', StringComparison.Ordinal);
        if (dash == 8 && DateOnly.TryParseExact(cursor[..dash], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return (day, Cursor.Parse(cursor[(dash + 1)..]) ?? 0);
        }

        throw RucheException.Invalid("cursor.invalid", "The cursor is not one this server produced.");
    }
}
