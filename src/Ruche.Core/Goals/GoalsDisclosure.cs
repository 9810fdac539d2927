using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.PersonalData;

namespace Ruche.Core.Goals;

/// <summary>
/// Daily goals are read by whoever reads their post (the team space's members, or everyone for an open space or a
/// profile); suggestions by the readers of the goal's post; the working week and leave only by the person (others see
/// only whether a day is a working day, on the team board).
/// </summary>
public sealed class GoalsDisclosure(RucheDbContext db) : IDisclosureSource
{
    public async Task<IReadOnlyList<Disclosure>> DescribeAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        var me = viewer.PersonId;
        var goals = await db.Goals.CountAsync(g => db.GoalLists.Any(l => l.Id == g.ListId && l.PersonId == me), cancellationToken);
        var suggestions = await db.GoalSuggestions.CountAsync(s => s.AuthorId == me, cancellationToken);
        var schedule = await db.WorkSchedules.CountAsync(w => w.PersonId == me, cancellationToken)
            + await db.LeavePeriods.CountAsync(l => l.PersonId == me, cancellationToken);
        return
        [
            new Disclosure("goals", goals, Audiences.ReadersOfThePost),
            new Disclosure("goal-suggestions", suggestions, Audiences.ReadersOfThePost),
            new Disclosure("work-schedule", schedule, Audiences.OnlyYou),
        ];
    }
}
