using Microsoft.EntityFrameworkCore;
using NodaTime;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.Events;
using Ruche.Core.Goals;
using Ruche.Core.Onboarding;
using Ruche.Core.People;
using Ruche.Core.Spaces;
using Ruche.Core.WorkTime;

namespace Ruche.Core.Home;

/// <summary>
/// The context column beside every signed-in page: today's goals of the reader's team, their team's whereabouts,
/// upcoming events and spaces to join. A fixed number of SQL commands whatever the company's size (the reader's team,
/// its members with their goals, the events, the spaces), each list bounded and read through its feature's rule:
/// goals through <see cref="GoalQueries.VisibleTo(IQueryable{GoalList}, RucheDbContext, long)"/>, members only of a
/// team whose members the reader may list, events through <see cref="EventQueries"/>, spaces through <see cref="SpaceSuggestions"/>.
/// </summary>
public sealed class ContextColumnService(RucheDbContext db, EventAgenda agenda, SpaceSuggestions suggestions, TimeProvider time)
{
    public const int EventsShown = 3;
    public const int EventDays = 30;
    public const int SpacesShown = 3;
    public const int TeamShown = 30;

    public async Task<ContextView> ForAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        var me = viewer.PersonId;
        var mine = await db.People.Where(p => p.Id == me)
            .Select(p => new { p.TimeZone, Team = TeamSpaces.GoalsSpaceIds(db).Where(t => t.PersonId == me).OrderBy(t => t.SpaceId).Select(t => t.SpaceId).FirstOrDefault() })
            .SingleAsync(cancellationToken);
        var team = mine.Team is { } teamId ? await TeamAsync(me, teamId, mine.TimeZone, cancellationToken) : null;
        var events = await agenda.MineOrPublicAsync(viewer, EventDays, EventsShown, cancellationToken);
        var spaces = await suggestions.ForAsync(viewer, SpacesShown, cancellationToken);
        return new ContextView(mine.TimeZone, team, events, spaces);
    }

    private async Task<TeamToday?> TeamAsync(long me, long spaceId, string timeZone, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var today = Instant.FromDateTimeUtc(now).InZone(WorkCalendar.Zone(timeZone)).Date.ToDateOnly();
        var lists = db.GoalLists.VisibleTo(db, me).Where(l => l.LocalDate == today);
        var space = await db.Spaces.Where(s => s.Id == spaceId && s.ListsMembersTo(me)).Select(s => new { s.Id, s.Name }).SingleOrDefaultAsync(cancellationToken);
        if (space is null)
        {
            return null;
        }

        var members = await db.SpaceMemberships.Where(m => m.SpaceId == spaceId && m.IsActive() && m.Person!.IsActive)
            .OrderBy(m => m.Person!.DisplayName).ThenBy(m => m.PersonId)
            .Take(TeamShown)
            .Select(m => new
            {
                Person = PersonRefs.Of(m.Person!, now),
                HasGoals = lists.Any(l => l.PersonId == m.PersonId),
                Total = lists.Where(l => l.PersonId == m.PersonId).SelectMany(l => l.Goals).Count(g => g.Status != GoalStatus.Replaced),
                First = lists.Where(l => l.PersonId == m.PersonId).SelectMany(l => l.Goals).Where(g => g.Status != GoalStatus.Replaced)
                    .OrderBy(g => g.Position).Select(g => g.Text).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return new TeamToday(
            space.Id,
            space.Name,
            members.Select(m => new TeamMateToday(m.Person, m.HasGoals ? new GoalsToday(m.First ?? string.Empty, m.Total) : null, WhereOf(m.Person.Presence))).ToList());
    }

    private static WhereToday WhereOf(PresenceBadge? presence) => presence?.Mode switch
    {
        WorkingFrom.Office => WhereToday.Office,
        WorkingFrom.Home or WorkingFrom.Travelling => WhereToday.Remote,
        WorkingFrom.Off => WhereToday.Away,
        _ => WhereToday.Unsaid,
    };
}
