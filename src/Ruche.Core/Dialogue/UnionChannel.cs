namespace Ruche.Core.Dialogue;

/// <summary>
/// What a union pushes to employees outside its space, when the agreement opens it: each employee accepts or refuses
/// each channel of each union on its own.
/// </summary>
public enum UnionChannel
{
    /// <summary>The union's broadcasts (messages to employees).</summary>
    Broadcasts = 0,

    /// <summary>The polls its delegates publish in the union's space, announced to employees.</summary>
    Polls = 1,
}

public static class UnionChannels
{
    public static readonly IReadOnlyList<UnionChannel> All = [UnionChannel.Broadcasts, UnionChannel.Polls];

    /// <summary>The channel named in a form or the API ("broadcasts", "polls"; nothing: broadcasts).</summary>
    public static UnionChannel Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        null or "" or "broadcasts" => UnionChannel.Broadcasts,
        "polls" => UnionChannel.Polls,
        _ => throw Common.RucheException.Invalid("dialogue.channel-invalid", "A channel is 'broadcasts' or 'polls'."),
    };

    public static string Name(this UnionChannel channel) => channel == UnionChannel.Polls ? "polls" : "broadcasts";

    /// <summary>The agreement opens the channel.</summary>
    public static bool IsOpenedBy(this UnionChannel channel, UnionAgreement? agreement) =>
        channel == UnionChannel.Polls ? agreement is { AllowsPolls: true } : agreement is { AllowsBroadcasts: true };
}
