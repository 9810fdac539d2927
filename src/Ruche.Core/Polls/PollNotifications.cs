using Ruche.Core.Notifications;
using Ruche.Core.Posts;

namespace Ruche.Core.Polls;

/// <summary>What polls tell people (registered by <c>AddPolls()</c>): about the post carrying the poll, read by its rule.</summary>
public static class PollNotifications
{
    /// <summary>The poll's author: their poll closed (deadline passed, or closed early by a moderator).</summary>
    public static readonly NotificationKind Closed = new("poll-closed", PostSubject.Instance);

    public static readonly IReadOnlyList<NotificationKind> All = [Closed];
}
