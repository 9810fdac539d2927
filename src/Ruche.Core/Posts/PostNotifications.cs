using Ruche.Core.Notifications;

namespace Ruche.Core.Posts;

/// <summary>What posts, comments and reactions tell people (registered by <c>AddPosts()</c>).</summary>
public static class PostNotifications
{
    public static readonly NotificationKind Mention = new("mention", PostSubject.Instance);
    public static readonly NotificationKind Reply = new("reply", PostSubject.Instance);
    public static readonly NotificationKind Comment = new("comment", PostSubject.Instance);
    public static readonly NotificationKind Reaction = new("reaction", PostSubject.Instance);

    public static readonly IReadOnlyList<NotificationKind> All = [Mention, Reply, Comment, Reaction];
}
