using Microsoft.EntityFrameworkCore;
using Ruche.Core.Data;
using Ruche.Core.Spaces;

namespace Ruche.Core.Goals;

/// <summary>
/// Where a person's daily goals are posted, their "team space": the team space they chose in their work settings
/// (<see cref="WorkTime.WorkSchedule.GoalsSpaceId"/>) while they are still an active member of it; otherwise the
/// team-kind space they joined first (lowest id among their active team memberships); with none, their profile.
/// The reminder hour is that space's (<see cref="TeamGoalSettings"/>).
/// </summary>
public static class TeamSpaces
{
    public static async Task<long?> GoalsSpaceOfAsync(RucheDbContext db, long personId, CancellationToken cancellationToken) =>
        await GoalsSpaceIds(db).Where(t => t.PersonId == personId).OrderBy(t => t.SpaceId).Select(t => t.SpaceId).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The rule as a query over every person, for set-based use (the reminder pass reads 100,000 people at once).</summary>
    public static IQueryable<PersonTeam> GoalsSpaceIds(RucheDbContext db)
    {
        var teamMemberships = db.SpaceMemberships.Where(m => m.IsActive() && m.Space!.Kind == SpaceKind.Team);
        return db.People.Select(p => new PersonTeam
        {
            PersonId = p.Id,
            SpaceId = db.WorkSchedules.Where(s => s.PersonId == p.Id && s.GoalsSpaceId != null
                    && teamMemberships.Any(m => m.PersonId == p.Id && m.SpaceId == s.GoalsSpaceId))
                .Select(s => s.GoalsSpaceId).FirstOrDefault()
                ?? teamMemberships.Where(m => m.PersonId == p.Id).Min(m => (long?)m.SpaceId),
        });
    }
}

/// <summary>A person and the space their goals go to (a class with setters, so EF translates filters on it).</summary>
public sealed class PersonTeam
{
    public long PersonId { get; init; }

    public long? SpaceId { get; init; }
}
