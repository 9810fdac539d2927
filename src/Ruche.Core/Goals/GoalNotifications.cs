using Ruche.Core.Notifications;
using Ruche.Core.Posts;

namespace Ruche.Core.Goals;

/// <summary>What the daily goals routine tells people (registered by <c>AddGoals()</c>).</summary>
public static class GoalNotifications
{
    /// <summary>A colleague suggested a goal for your day: about the post that carries your list.</summary>
    public static readonly NotificationKind Suggestion = new("goal-suggestion", PostSubject.Instance);

    /// <summary>The morning prompt: about your own goals, seen by you alone.</summary>
    public static readonly NotificationKind Reminder = new("goals-reminder", OwnGoalsSubject.Instance);

    public static readonly IReadOnlyList<NotificationKind> All = [Suggestion, Reminder];
}
