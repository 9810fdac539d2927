namespace Ruche.Core.Goals;

/// <summary>What the daily goals routine says live to the readers of a day's goals post.</summary>
public interface IGoalsLiveClient
{
    /// <summary>The goals list shown in a post the recipient may read changed: read it again.</summary>
    Task GoalsChanged(GoalsChangedEvent message);
}

public sealed record GoalsChangedEvent(long PostId);
