using Ruche.Core.Notifications;

namespace Ruche.Core.Ideas;

/// <summary>What ideas tell their author and followers (registered by <c>AddIdeas()</c>).</summary>
public static class IdeaNotifications
{
    /// <summary>A status change, with its public reason (the subject describes itself by it).</summary>
    public static readonly NotificationKind StatusChanged = new("idea-status-changed", IdeaStatusChangeSubject.Instance);

    public static readonly NotificationKind Commented = new("idea-commented", IdeaSubject.Instance);

    public static readonly IReadOnlyList<NotificationKind> All = [StatusChanged, Commented];
}
