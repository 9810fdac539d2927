namespace Ruche.Core.Live;

/// <summary>
/// What the live channel says to a connected person (the hub's strongly typed client). Messages carry ids and
/// counts only: a page shows new content by reading it again through the normal, authorised reads.
/// </summary>
public interface IRucheClient
{
    /// <summary>
    /// Sent once a new connection has joined its groups: from then on it hears everything meant for its person. (The
    /// connection is open a moment before, and with a backplane, joining a group takes a round trip to Redis.)
    /// </summary>
    Task Listening();

    /// <summary>A post the recipient may read now sits at the top of the listed feeds.</summary>
    Task PostPublished(PostPublishedEvent message);

    /// <summary>The number of comments on a post the recipient may read changed.</summary>
    Task CommentsChanged(CommentsChangedEvent message);

    /// <summary>The reaction counts of a post the recipient may read changed.</summary>
    Task ReactionsChanged(ReactionsChangedEvent message);

    /// <summary>The goals list shown in a post the recipient may read changed: read it again.</summary>
    Task GoalsChanged(GoalsChangedEvent message);

    /// <summary>The recipient's own unread notification count changed (sent only outside their quiet hours).</summary>
    Task NotificationsChanged(NotificationsChangedEvent message);
}

/// <summary>Names of the feeds a <see cref="PostPublishedEvent"/> concerns.</summary>
public static class LiveFeeds
{
    public const string Home = "home";
    public const string Company = "company";
    public const string Space = "space";
}

/// <param name="Feeds">Which of the recipient's feeds gained the post (<see cref="LiveFeeds"/>); "space" means the feed of <paramref name="SpaceId"/>.</param>
public sealed record PostPublishedEvent(long PostId, long? SpaceId, IReadOnlyList<string> Feeds);

public sealed record CommentsChangedEvent(long PostId, int Count);

/// <param name="Counts">Every reaction kind by its name ("like", "celebrate"…), zeros included.</param>
public sealed record ReactionsChangedEvent(long PostId, IReadOnlyDictionary<string, int> Counts);

public sealed record NotificationsChangedEvent(int Unread);

public sealed record GoalsChangedEvent(long PostId);
