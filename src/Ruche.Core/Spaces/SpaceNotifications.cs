using Ruche.Core.Notifications;

namespace Ruche.Core.Spaces;

/// <summary>What a space tells its owners and moderators (registered by <c>AddSpaces()</c>).</summary>
public static class SpaceNotifications
{
    public static readonly NotificationKind JoinRequest = new("join-request", SpaceModerationSubject.Instance);
    public static readonly NotificationKind NewMember = new("new-member", SpaceModerationSubject.Instance);

    public static readonly IReadOnlyList<NotificationKind> All = [JoinRequest, NewMember];
}
