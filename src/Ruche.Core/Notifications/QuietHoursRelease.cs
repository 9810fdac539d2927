using Microsoft.EntityFrameworkCore;
using Ruche.Core.Data;
using Ruche.Core.People;

namespace Ruche.Core.Notifications;

/// <summary>
/// Ends the hold quiet hours put on the live badge: whoever's quiet hours ended, on their own clock, since the last run
/// is sent their unread count, so a page left open overnight shows in the morning what arrived during the night.
/// (Sending a count twice is harmless: it is the count, never a delta.)
/// </summary>
public sealed class QuietHoursRelease(RucheDbContext db, Notifier notifier)
{
    /// <summary>Pushes the unread count to the people whose quiet hours ended in (<paramref name="since"/>, <paramref name="now"/>]; returns how many.</summary>
    public async Task<int> ReleaseAsync(DateTimeOffset since, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Only the end minutes reached on some clock in the interval are read (a few per time zone in use), not every
        // person's quiet hours: the exact check per person follows.
        var withQuietHours = db.QuietHours.Where(q => q.StartMinute != q.EndMinute)
            .Join(db.People.Where(p => p.IsActive), q => q.PersonId, p => p.Id, (q, p) => new { q.PersonId, q.EndMinute, p.TimeZone });
        var zones = await withQuietHours.Select(q => q.TimeZone).Distinct().ToListAsync(cancellationToken);
        var minutes = zones.SelectMany(zone => MinutesReached(zone, since, now)).Distinct().ToList();
        var quiet = await withQuietHours.Where(q => minutes.Contains(q.EndMinute)).ToListAsync(cancellationToken);
        var released = quiet.Where(q => EndedBetween(q.EndMinute, q.TimeZone, since, now)).Select(q => q.PersonId).ToList();
        if (released.Count > 0)
        {
            await notifier.PushAsync(released);
        }

        return released.Count;
    }

    /// <summary>The minutes of the day (after local midnight) the clock of a time zone showed in (since, now], at most a day's.</summary>
    private static IEnumerable<int> MinutesReached(string timeZoneId, DateTimeOffset since, DateTimeOffset now)
    {
        var span = Math.Min((int)Math.Ceiling((now - since).TotalMinutes), 24 * 60);
        return Enumerable.Range(0, span + 1)
            .Select(i => TimeZones.ToLocal(now.AddMinutes(-i).UtcDateTime, timeZoneId))
            .Select(local => (local.Hour * 60) + local.Minute);
    }

    /// <summary>True when the local time <paramref name="endMinute"/> (minutes after midnight) was reached in the interval, on that clock.</summary>
    internal static bool EndedBetween(int endMinute, string timeZoneId, DateTimeOffset since, DateTimeOffset now)
    {
        var localSince = TimeZones.ToLocal(since.UtcDateTime, timeZoneId);
        var localNow = TimeZones.ToLocal(now.UtcDateTime, timeZoneId);
        var end = localNow.Date.AddMinutes(endMinute);
        if (end > localNow)
        {
            end = end.AddDays(-1);
        }

        return end > localSince;
    }
}
