using Ruche.Core.Notifications;
using Ruche.Core.Posts;

namespace Ruche.Core.Dialogue;

/// <summary>What social dialogue tells people (registered by <c>AddDialogue()</c>).</summary>
public static class DialogueNotifications
{
    /// <summary>A union's broadcast, to those it is pushed to (they accepted it, or the agreement pushes and they did not refuse).</summary>
    public static readonly NotificationKind Broadcast = new("union-broadcast", UnionBroadcastSubject.Instance);

    /// <summary>A question to the delegates, or a reply to the asker: read by these two sides only.</summary>
    public static readonly NotificationKind Question = new("union-question", UnionQuestionSubject.Instance);

    /// <summary>The union's content was taken down: its delegates learn what, why, on which basis and who decided.</summary>
    public static readonly NotificationKind Takedown = new("union-takedown", UnionTakedownSubject.Instance);

    /// <summary>A delegate's poll in the union's space, to those who accept that union's polls (read by the post's rule).</summary>
    public static readonly NotificationKind Poll = new("union-poll", PostSubject.Instance);

    public static readonly IReadOnlyList<NotificationKind> All = [Broadcast, Question, Takedown, Poll];
}
