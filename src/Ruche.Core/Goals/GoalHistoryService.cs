using Microsoft.EntityFrameworkCore;
using NodaTime;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.People;
using Ruche.Core.WorkTime;

namespace Ruche.Core.Goals;

/// <summary>
/// A person's goal history (how many goals they set and did each day, their streak) belongs to them: they read it, and
/// others read it only once they choose to share it (and then only the days whose lists those others may read). Off
/// by default, so the routine never turns into an activity score managers, HR or colleagues can consult.
/// </summary>
public sealed class GoalHistoryService(RucheDbContext db, WorkCalendar calendar, TimeProvider time)
{
    public const int HistoryDays = 84;

    /// <summary>A person's goals over the last twelve weeks up to their today, with their streak.</summary>
    public async Task<GoalHistory> HistoryAsync(Viewer viewer, long personId, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var person = await db.People.Where(p => p.Id == personId && p.ErasedAt == null)
                .Select(p => new { Ref = PersonRefs.Of(p, now), Shared = db.GoalHistorySharings.Any(s => s.PersonId == p.Id) })
                .SingleOrDefaultAsync(cancellationToken)
            ?? throw RucheException.NotFound("person.not-found", "No such person.");
        if (personId != viewer.PersonId && !person.Shared)
        {
            throw RucheException.Forbidden("goals.history-private", "A person's goal history is theirs alone unless they share it.");
        }

        var holidays = await calendar.HolidaysAsync(cancellationToken);
        var to = Instant.FromDateTimeUtc(now).InZone(WorkCalendar.Zone(person.Ref.TimeZone)).Date.ToDateOnly();
        var from = to.AddDays(1 - HistoryDays);
        var profile = (await calendar.ProfilesAsync(db.People.Where(p => p.Id == personId), from, to, cancellationToken)).Single();
        var counts = (await db.GoalLists.VisibleTo(db, viewer.PersonId)
                .Where(l => l.PersonId == personId && l.LocalDate >= from && l.LocalDate <= to)
                .Select(l => new
                {
                    l.LocalDate,
                    Done = l.Goals.Count(g => g.Status == GoalStatus.Done),
                    Total = l.Goals.Count(g => g.Status != GoalStatus.Replaced),
                })
                .ToListAsync(cancellationToken))
            .ToDictionary(c => c.LocalDate);
        var days = Enumerable.Range(0, HistoryDays).Select(i => from.AddDays(i)).Select(d =>
        {
            counts.TryGetValue(d, out var c);
            return new GoalDay(d, profile.IsWorkingDay(LocalDate.FromDateOnly(d), holidays), c?.Done ?? 0, c?.Total ?? 0);
        }).ToList();
        return new GoalHistory(person.Ref, from, to, days, Streak(days), person.Shared);
    }

    /// <summary>Shares the caller's own history with whoever reads their goals, or takes it back.</summary>
    public async Task<GoalHistorySharingView> SetSharingAsync(Viewer viewer, bool shared, CancellationToken cancellationToken)
    {
        var me = viewer.PersonId;
        if (!shared)
        {
            await db.GoalHistorySharings.Where(s => s.PersonId == me).ExecuteDeleteAsync(cancellationToken);
        }
        else if (!await db.GoalHistorySharings.AnyAsync(s => s.PersonId == me, cancellationToken))
        {
            db.GoalHistorySharings.Add(new GoalHistorySharing { PersonId = me, SharedAt = time.UtcNow() });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // A second request shared it at the same moment: it is shared, as asked.
                db.ChangeTracker.Clear();
            }
        }

        return await SharingAsync(viewer, cancellationToken);
    }

    public async Task<GoalHistorySharingView> SharingAsync(Viewer viewer, CancellationToken cancellationToken) =>
        new(await db.GoalHistorySharings.AnyAsync(s => s.PersonId == viewer.PersonId, cancellationToken));

    /// <summary>
    /// Working days in a row with goals posted, counted back from today (or from yesterday while today is still blank);
    /// days off neither break nor extend it.
    /// </summary>
    public static int Streak(IReadOnlyList<GoalDay> days)
    {
        var streak = 0;
        for (var i = days.Count - 1; i >= 0; i--)
        {
            var day = days[i];
            if (day.Total > 0)
            {
                streak++;
            }
            else if (day.IsWorkingDay && i != days.Count - 1)
            {
                break;
            }
        }

        return streak;
    }
}

/// <param name="Shared">Whether the person's goal history is open to whoever reads their goals (false by default).</param>
public sealed record GoalHistorySharingView(bool Shared);
