using Ruche.Core.Notifications;

namespace Ruche.Core.Irritants;

/// <summary>
/// What irritants tell people (registered by <c>AddIrritants()</c>): HR's answer, to a named reporter and to those who
/// said "me too". An anonymous reporter is never told: nothing says who they are.
/// </summary>
public static class IrritantNotifications
{
    public static readonly NotificationKind Answered = new("irritant-answered", IrritantSubject.Instance);

    public static readonly IReadOnlyList<NotificationKind> All = [Answered];
}
