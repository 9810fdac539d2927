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

    /// <summary>When a message quiet hours hold is looked at again (it leaves the due batch meanwhile).</summary>
    public static readonly TimeSpan QuietRecheck = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The push services browsers subscribe with (Chrome, Edge, Opera, Samsung: FCM; Edge also WNS; Firefox: Mozilla's
    /// autopush; Safari: Apple's). An endpoint is a URL the server will call: anything else would let a person make Ruche
    /// send requests to the company's internal hosts (server-side request forgery), so it is refused.
    /// </summary>
    public static readonly IReadOnlyList<string> KnownServiceHosts =
        ["fcm.googleapis.com", "push.services.mozilla.com", "notify.windows.com", "push.apple.com"];

    /// <summary>True for an https endpoint on one of <paramref name="hosts"/> (or a sub-domain of one), never an IP address.</summary>
    public static bool IsKnownService(Uri endpoint, IEnumerable<string> hosts) =>
        endpoint.Scheme == Uri.UriSchemeHttps && endpoint.IsDefaultPort && endpoint.HostNameType == UriHostNameType.Dns
        && hosts.Any(h => endpoint.IdnHost.Equals(h, StringComparison.OrdinalIgnoreCase) || endpoint.IdnHost.EndsWith("." + h, StringComparison.OrdinalIgnoreCase));
}
