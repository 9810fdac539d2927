using Microsoft.EntityFrameworkCore;
using NodaTime;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.People;
using Ruche.Core.Spaces;
using Ruche.Core.WorkTime;

namespace Ruche.Core.Goals;

/// <summary>
/// The team board and goal histories. Every read is a fixed number of queries whatever the number of members, and
/// shows only lists the viewer may read (<see cref="GoalQueries"/>). It shows goals, never activity times.
/// </summary>
public sealed class TeamBoardService(RucheDbContext db, SpaceService spaces, WorkCalendar calendar, GoalListLoader loader, TimeProvider time)
{
    public const int HistoryDays = 84;
    public const int RateWeeks = 12;

    /// <param name="date">The date shown; null: the viewer's own today.</param>
    public async Task<TeamBoard> BoardAsync(Viewer viewer, long spaceId, DateOnly? date, CancellationToken cancellationToken)
    {
        var space = await ReadableSpaceAsync(viewer, spaceId, cancellationToken);
        var now = time.UtcNow();
        var holidays = await calendar.HolidaysAsync(cancellationToken);
        var members = db.People.Where(p => p.IsActive && db.SpaceMemberships.Any(m => m.SpaceId == spaceId && m.PersonId == p.Id && m.IsActive()));
        var shown = date ?? (await calendar.ProfilesAsync(db.People.Where(p => p.Id == viewer.PersonId), now, cancellationToken)).Single().LocalDate(now).ToDateOnly();
        var people = await members.OrderBy(p => p.DisplayName).ThenBy(p => p.Id)
            .Select(p => PersonRefs.Of(p, now))
            .ToListAsync(cancellationToken);
        var profiles = (await calendar.ProfilesAsync(members, shown.AddDays(-1), shown.AddDays(1), cancellationToken)).ToDictionary(p => p.PersonId);
        var lists = (await loader.LoadAsync(
                viewer, db.GoalLists.VisibleTo(db, viewer.PersonId).Where(l => l.LocalDate == shown && members.Any(p => p.Id == l.PersonId)), cancellationToken))
            .ToDictionary(l => l.Person.Id);
        var rows = people.Select(p =>
        {
            var profile = profiles[p.Id];
            return new TeamBoardMember(
                p,
                profile.LocalTime(now).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
                profile.IsWorkingDay(LocalDate.FromDateOnly(shown), holidays),
                lists.GetValueOrDefault(p.Id));
        }).ToList();
        return new TeamBoard(space, shown, rows, await WeeklyRatesAsync(viewer, members, shown, cancellationToken));
    }

    /// <summary>A person's goals over the last twelve weeks up to their today, with their streak.</summary>
    public async Task<GoalHistory> HistoryAsync(Viewer viewer, long personId, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var person = await db.People.Where(p => p.Id == personId && p.ErasedAt == null)
                .Select(p => PersonRefs.Of(p, now)).SingleOrDefaultAsync(cancellationToken)
            ?? throw RucheException.NotFound("person.not-found", "No such person.");
        var holidays = await calendar.HolidaysAsync(cancellationToken);
        var to = Instant.FromDateTimeUtc(now).InZone(WorkCalendar.Zone(person.TimeZone)).Date.ToDateOnly();
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
        return new GoalHistory(person, from, to, days, Streak(days));
    }

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

    private async Task<IReadOnlyList<WeekRate>> WeeklyRatesAsync(Viewer viewer, IQueryable<People.Person> members, DateOnly shown, CancellationToken cancellationToken)
    {
        var monday = Monday(shown);
        var from = monday.AddDays(-7 * (RateWeeks - 1));
        var to = monday.AddDays(6);
        var perDay = await db.GoalLists.VisibleTo(db, viewer.PersonId)
            .Where(l => l.LocalDate >= from && l.LocalDate <= to && members.Any(p => p.Id == l.PersonId))
            .Select(l => new
            {
                l.LocalDate,
                Done = l.Goals.Count(g => g.Status == GoalStatus.Done),
                Total = l.Goals.Count(g => g.Status != GoalStatus.Replaced),
            })
            .ToListAsync(cancellationToken);
        var byWeek = perDay.GroupBy(d => Monday(d.LocalDate)).ToDictionary(g => g.Key, g => (Done: g.Sum(d => d.Done), Total: g.Sum(d => d.Total)));
        return Enumerable.Range(0, RateWeeks).Select(i => from.AddDays(7 * i))
            .Select(w => byWeek.TryGetValue(w, out var c) ? new WeekRate(w, c.Done, c.Total) : new WeekRate(w, 0, 0))
            .ToList();
    }

    public static DateOnly Monday(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    private async Task<SpaceRef> ReadableSpaceAsync(Viewer viewer, long spaceId, CancellationToken cancellationToken)
    {
        var space = await spaces.GetReadableAsync(viewer, spaceId, "Only this space's members see its board.", cancellationToken);

        return new SpaceRef(space.Id, space.Name, space.Visibility);
    }
}
