using Ruche.Core.Common;
using Ruche.Core.People;
using Ruche.Core.Spaces;

namespace Ruche.Core.Goals;

/// <summary>A team space's goals for one date: every active member, their local time now, and their list if posted.</summary>
public sealed record TeamBoard(SpaceRef Space, DateOnly Date, IReadOnlyList<TeamBoardMember> Members, IReadOnlyList<WeekRate> Weeks);

/// <param name="Person">With where they work from today (<see cref="PersonRef.Presence"/>) when they said so.</param>
/// <param name="LocalTimeNow">The member's wall-clock time now ("14:05"), so colleagues across time zones know when to expect answers.</param>
public sealed record TeamBoardMember(
    PersonRef Person,
    string LocalTimeNow,
    bool IsWorkingDay,
    GoalListView? List)
{
    public int Done => List?.DoneCount ?? 0;

    public int Total => List?.ActiveCount ?? 0;
}

/// <summary>The team's goals done out of goals set (replaced ones excluded) in the week starting on <paramref name="Monday"/>.</summary>
public sealed record WeekRate(DateOnly Monday, int Done, int Total)
{
    public double Rate => Total == 0 ? 0 : (double)Done / Total;
}

/// <summary>A person's last weeks of goals (the heat map) and their current streak of working days with goals posted.</summary>
public sealed record GoalHistory(PersonRef Person, DateOnly From, DateOnly To, IReadOnlyList<GoalDay> Days, int Streak);

/// <param name="Total">Goals set that day (replaced ones excluded); 0 when nothing was posted.</param>
public sealed record GoalDay(DateOnly Date, bool IsWorkingDay, int Done, int Total);
