namespace Ruche.Core.Live;

/// <summary>
/// Where live messages go, implemented by the host over the SignalR hub context (and so over the Redis backplane
/// when several nodes run). Core decides who may hear what; the channel only addresses them.
/// </summary>
public interface ILiveChannel
{
    /// <summary>Everyone connected: only for what every person may read (profile posts, open spaces).</summary>
    IRucheClient Company { get; }

    /// <summary>The connections of these people, on whichever node they are.</summary>
    IRucheClient People(IReadOnlyCollection<long> personIds);
}
