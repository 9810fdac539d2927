using Microsoft.EntityFrameworkCore;
using Ruche.Core.Data;

namespace Ruche.Core.Notifications;

/// <summary>Who among some people is in their quiet hours now, on their own clock: for the ways out that must wait (push).</summary>
public static class QuietHoursCheck
{
    public static async Task<IReadOnlySet<long>> QuietNowAsync(RucheDbContext db, IReadOnlyCollection<long> personIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var people = await db.People.Where(p => personIds.Contains(p.Id))
            .Select(p => new { p.Id, p.TimeZone, Quiet = db.QuietHours.FirstOrDefault(q => q.PersonId == p.Id) })
            .ToListAsync(cancellationToken);
        return people.Where(p => NotificationQueries.IsQuiet(p.Quiet, p.TimeZone, now)).Select(p => p.Id).ToHashSet();
    }
}
