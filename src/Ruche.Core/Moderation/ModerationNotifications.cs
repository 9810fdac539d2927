using Ruche.Core.Notifications;

namespace Ruche.Core.Moderation;

/// <summary>What moderation tells people (registered by <c>AddModeration()</c>): an author, that their content was hidden or deleted, and why.</summary>
public static class ModerationNotifications
{
    /// <summary>The author learns what was decided and why, never which moderator decided (retaliation).</summary>
    public static readonly NotificationKind Decision = new("moderation-decision", ModerationDecisionSubject.Instance, ShowsActors: false);

    public static readonly IReadOnlyList<NotificationKind> All = [Decision];
}
