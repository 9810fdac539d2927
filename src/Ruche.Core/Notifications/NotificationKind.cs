namespace Ruche.Core.Notifications;

/// <summary>
/// A kind of notification. A feature adds one by declaring a static instance here, listing it in
/// <see cref="NotificationKinds.All"/> (so preferences offer it) and calling <see cref="Notifier.NotifyAsync"/> after its
/// commit. See ADR 0007.
/// </summary>
/// <param name="Name">Stable name stored in rows and preferences ("reaction").</param>
/// <param name="Subject">What the rows point at: a post (visible only through the post read rule), a space (only to its moderators) or an event (the event read rule).</param>
public sealed record NotificationKind(string Name, NotificationSubject Subject, NotificationChannel DefaultChannel = NotificationChannel.InApp);

public enum NotificationSubject
{
    Post,
    SpaceModeration,

    /// <summary>About the recipient's own routine (the morning goals reminder): no post or space, only they see it.</summary>
    Personal,

    /// <summary>An event, readable only by who may see it (<see cref="Events.EventQueries.VisibleTo"/>).</summary>
    Event,
}

public static class NotificationKinds
{
    public static readonly NotificationKind Mention = new("mention", NotificationSubject.Post);
    public static readonly NotificationKind Reply = new("reply", NotificationSubject.Post);
    public static readonly NotificationKind Comment = new("comment", NotificationSubject.Post);
    public static readonly NotificationKind Reaction = new("reaction", NotificationSubject.Post);
    public static readonly NotificationKind JoinRequest = new("join-request", NotificationSubject.SpaceModeration);
    public static readonly NotificationKind NewMember = new("new-member", NotificationSubject.SpaceModeration);

    public static readonly NotificationKind GoalSuggestion = new("goal-suggestion", NotificationSubject.Post);
    public static readonly NotificationKind GoalsReminder = new("goals-reminder", NotificationSubject.Personal);
    public static readonly NotificationKind EventInvitation = new("event-invitation", NotificationSubject.Event);
    public static readonly NotificationKind EventChanged = new("event-changed", NotificationSubject.Event);
    public static readonly NotificationKind EventCancelled = new("event-cancelled", NotificationSubject.Event);

    public static readonly IReadOnlyList<NotificationKind> All =
        [Mention, Reply, Comment, Reaction, JoinRequest, NewMember, GoalSuggestion, GoalsReminder, EventInvitation, EventChanged, EventCancelled];

    public static NotificationKind? Find(string? name) => All.FirstOrDefault(k => k.Name == name);
}
