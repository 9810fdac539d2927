namespace Ruche.Core.Live;

/// <summary>
/// Where live messages go, implemented by the host over the SignalR hub context (and so over the Redis backplane
/// when several nodes run). Core decides who may hear what; the channel only addresses them. Each feature declares its
/// own messages as an interface (<c>IPostsLiveClient</c>, <c>INotificationsLiveClient</c>…) and asks for it here; the
/// host's hub client is all of them.
/// </summary>
public interface ILiveChannel
{
    /// <summary>Everyone connected: only for what every person may read (profile posts, open spaces).</summary>
    TClient Company<TClient>()
        where TClient : class;

    /// <summary>The connections of these people, on whichever node they are.</summary>
    TClient People<TClient>(IReadOnlyCollection<long> personIds)
        where TClient : class;
}
