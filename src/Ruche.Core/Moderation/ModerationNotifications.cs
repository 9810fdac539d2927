using Ruche.Core.Notifications;

namespace Ruche.Core.Moderation;

/// <summary>What moderation tells people (registered by <c>AddModeration()</c>): an author, that their content was hidden or deleted, and why.</summary>
public static class ModerationNotifications
{
    public static readonly NotificationKind Decision = new("moderation-decision", ModerationDecisionSubject.Instance);

    public static readonly IReadOnlyList<NotificationKind> All = [Decision];
}
