namespace Ruche.Core.Push;

/// <summary>The limits a subscription is checked against before it is stored.</summary>
public static class PushRules
{
    public const int MaxEndpointLength = 1024;

    /// <summary>More devices than a person plausibly uses: the list stays short and a leaked token cannot flood it.</summary>
    public const int MaxDevicesPerPerson = 10;

    /// <summary>How often a push that failed for a transient reason is tried before it is given up.</summary>
    public const int MaxAttempts = 4;

    /// <summary>How long a message is kept while quiet hours hold it or its retries wait: past this it is stale.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(1);
}
