using Ruche.Core.Common;
using Ruche.Core.People;
using Ruche.Core.Spaces;

namespace Ruche.Core.Goals;

/// <summary>A team space's goals for one date: every active member, their local time now, and their list if posted.</summary>
public sealed record TeamBoard(SpaceRef Space, DateOnly Date, IReadOnlyList<TeamBoardMember> Members);

/// <param name="Person">With where they work from today (<see cref="PersonRef.Presence"/>) when they said so.</param>
/// <param name="LocalTimeNow">The member's wall-clock time now ("14:05"), so colleagues across time zones know when to expect answers.</param>
/// <param name="HistoryShared">Whether the viewer may open this member's goal history (their own, or shared by its owner).</param>
public sealed record TeamBoardMember(
    PersonRef Person,
    string LocalTimeNow,
    bool IsWorkingDay,
    GoalListView? List,
    bool HistoryShared);

/// <summary>
/// A person's last weeks of goals (the heat map) and their current streak of working days with goals posted: read by
/// the person, and by others only while the person shares it (<see cref="GoalHistorySharing"/>).
/// </summary>
public sealed record GoalHistory(PersonRef Person, DateOnly From, DateOnly To, IReadOnlyList<GoalDay> Days, int Streak, bool Shared);

/// <param name="Total">Goals set that day (replaced ones excluded); 0 when nothing was posted.</param>
public sealed record GoalDay(DateOnly Date, bool IsWorkingDay, int Done, int Total);
