using Microsoft.EntityFrameworkCore;
using NodaTime;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.People;
using Ruche.Core.Spaces;
using Ruche.Core.WorkTime;

namespace Ruche.Core.Goals;

/// <summary>
/// The team board. Every read is a fixed number of queries whatever the number of members, and shows only lists the
/// viewer may read (<see cref="GoalQueries"/>). It shows goals, never activity times, and no figure per person or
/// per team (done out of set, streaks): the routine is not an activity score (PRODUCT.md, "No surveillance").
/// </summary>
public sealed class TeamBoardService(RucheDbContext db, SpaceService spaces, WorkCalendar calendar, GoalListLoader loader, TimeProvider time)
{
    /// <param name="date">The date shown; null: the viewer's own today.</param>
    public async Task<TeamBoard> BoardAsync(Viewer viewer, long spaceId, DateOnly? date, CancellationToken cancellationToken)
    {
        var space = await ReadableSpaceAsync(viewer, spaceId, cancellationToken);
        var now = time.UtcNow();
        var holidays = await calendar.HolidaysAsync(cancellationToken);
        var members = db.People.Where(p => p.IsActive && db.SpaceMemberships.Any(m => m.SpaceId == spaceId && m.PersonId == p.Id && m.IsActive()));
        var shown = date ?? (await calendar.ProfilesAsync(db.People.Where(p => p.Id == viewer.PersonId), now, cancellationToken)).Single().LocalDate(now).ToDateOnly();
        var people = await members.OrderBy(p => p.DisplayName).ThenBy(p => p.Id)
            .Select(p => new { Person = PersonRefs.Of(p, now), HistoryShared = p.Id == viewer.PersonId || db.GoalHistorySharings.Any(s => s.PersonId == p.Id) })
            .ToListAsync(cancellationToken);
        var profiles = (await calendar.ProfilesAsync(members, shown.AddDays(-1), shown.AddDays(1), cancellationToken)).ToDictionary(p => p.PersonId);
        var lists = (await loader.LoadAsync(
                viewer, db.GoalLists.VisibleTo(db, viewer.PersonId).Where(l => l.LocalDate == shown && members.Any(p => p.Id == l.PersonId)), cancellationToken))
            .ToDictionary(l => l.Person.Id);
        var rows = people.Select(p =>
        {
            var profile = profiles[p.Person.Id];
            return new TeamBoardMember(
                p.Person,
                profile.LocalTime(now).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
                profile.IsWorkingDay(LocalDate.FromDateOnly(shown), holidays),
                lists.GetValueOrDefault(p.Person.Id),
                p.HistoryShared);
        }).ToList();
        return new TeamBoard(space, shown, rows);
    }

    private async Task<SpaceRef> ReadableSpaceAsync(Viewer viewer, long spaceId, CancellationToken cancellationToken)
    {
        var space = await spaces.GetMemberListableAsync(viewer, spaceId, cancellationToken);

        return new SpaceRef(space.Id, space.Name, space.Visibility);
    }
}
