namespace Ruche.Core.Push;

/// <summary>
/// Sends one encrypted push to one device through its push service (Web Push with VAPID, in the host). Disabled when
/// no VAPID keys are configured: nothing is queued and the settings page says push is unavailable.
/// </summary>
public interface IPushSender
{
    bool IsEnabled { get; }

    /// <summary>The VAPID public key (base64url) the browser subscribes with; null when disabled.</summary>
    string? PublicKey { get; }

    Task<PushOutcome> SendAsync(PushSubscription device, PushNotice notice, CancellationToken cancellationToken);
}

/// <summary>What a push says, before it is written in the person's language: never the content of a post or comment.</summary>
/// <param name="ActorName">Who acted, only when the person allows previews and the kind shows actors.</param>
public sealed record PushNotice(string Kind, string? ActorName, bool ShowPreview, string Language);

public enum PushOutcome
{
    Sent,

    /// <summary>The push service answered 404 or 410: the subscription is gone for good.</summary>
    Gone,

    /// <summary>A transient failure (5xx, 429, network): try again later, a bounded number of times.</summary>
    Retry,

    /// <summary>Refused for good (4xx other than 404/410/429): drop this message, keep the device.</summary>
    Failed,
}

/// <summary>The sender when push is not configured.</summary>
public sealed class DisabledPushSender : IPushSender
{
    public bool IsEnabled => false;

    public string? PublicKey => null;

    public Task<PushOutcome> SendAsync(PushSubscription device, PushNotice notice, CancellationToken cancellationToken) =>
        Task.FromResult(PushOutcome.Failed);
}
