namespace Ruche.Core.Posts;

/// <summary>What posts say live to the people who may read them: ids and counts only, read the post through the API.</summary>
public interface IPostsLiveClient
{
    /// <summary>A post the recipient may read now sits at the top of the listed feeds.</summary>
    Task PostPublished(PostPublishedEvent message);

    /// <summary>The number of comments on a post the recipient may read changed.</summary>
    Task CommentsChanged(CommentsChangedEvent message);

    /// <summary>The reaction counts of a post the recipient may read changed.</summary>
    Task ReactionsChanged(ReactionsChangedEvent message);
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
