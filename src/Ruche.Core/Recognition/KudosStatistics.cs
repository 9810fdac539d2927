using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Data;

namespace Ruche.Core.Recognition;

/// <summary>
/// Kudos per company value over a period, for HR and administrators (the HR dashboard): counts only, never who; a value
/// thanked by fewer than <see cref="MinimumGroup"/> distinct givers or received by fewer than 5 distinct recipients
/// (people, or teams) is suppressed, so no figure points at one person.
/// </summary>
public sealed class KudosStatistics(RucheDbContext db)
{
    public const int MinimumGroup = 5;

    public async Task<KudosStatisticsView> ByValueAsync(Viewer viewer, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        if (!RecognitionRights.MayAdministerValues(viewer))
        {
            throw RucheException.Forbidden("kudos.statistics-forbidden", "HR and administrators read the figures per value.");
        }

        if (to < from || from < RecognitionInputs.Earliest || to > RecognitionInputs.Latest)
        {
            throw RucheException.Invalid("kudos.period-invalid", "The period ends after it starts.");
        }

        var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var values = await db.Set<CompanyValue>().AsNoTracking().OrderBy(v => v.Position).ThenBy(v => v.Id)
            .Select(v => new { v.Id, v.LabelFr, v.LabelEn, v.IsArchived }).ToListAsync(cancellationToken);
        var counts = await db.Set<Kudos>().Where(k => k.CreatedAt >= start && k.CreatedAt < end && k.HiddenAt == null).GroupBy(k => k.ValueId)
            .Select(g => new
            {
                ValueId = g.Key,
                Count = g.Count(),
                Givers = g.Select(k => k.GiverId).Distinct().Count(),
                People = g.Where(k => k.PersonId != null).Select(k => k.PersonId).Distinct().Count(),
                Teams = g.Where(k => k.SpaceId != null).Select(k => k.SpaceId).Distinct().Count(),
            })
            .ToDictionaryAsync(c => c.ValueId, cancellationToken);
        return new KudosStatisticsView(from, to, MinimumGroup, [.. values.Where(v => !v.IsArchived || counts.ContainsKey(v.Id)).Select(v =>
        {
            if (!counts.TryGetValue(v.Id, out var c))
            {
                return new KudosByValue(v.Id, v.LabelFr, v.LabelEn, 0, false);
            }

            var suppressed = c.Givers < MinimumGroup || c.People + c.Teams < MinimumGroup;
            return new KudosByValue(v.Id, v.LabelFr, v.LabelEn, suppressed ? null : c.Count, suppressed);
        })]);
    }
}
