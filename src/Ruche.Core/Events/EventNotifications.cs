using Ruche.Core.Notifications;

namespace Ruche.Core.Events;

/// <summary>What events tell the people on them (registered by <c>AddEvents()</c>).</summary>
public static class EventNotifications
{
    public static readonly NotificationKind Invitation = new("event-invitation", EventSubject.Instance);
    public static readonly NotificationKind Changed = new("event-changed", EventSubject.Instance);
    public static readonly NotificationKind Cancelled = new("event-cancelled", EventSubject.Instance);

    public static readonly IReadOnlyList<NotificationKind> All = [Invitation, Changed, Cancelled];
}
