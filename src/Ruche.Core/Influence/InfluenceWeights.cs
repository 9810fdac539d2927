namespace Ruche.Core.Influence;

/// <summary>
/// How much each act counts and how fast it fades (ADR 24). A comment or a share costs its author more than a
/// reaction, so it says more about whose words move people; kudos and helpful marks say it outright.
/// </summary>
public sealed record InfluenceWeights
{
    /// <summary>The period read: acts older than this do not count.</summary>
    public int WindowDays { get; init; } = 180;

    /// <summary>An act counts half after this many days, a quarter after twice as many.</summary>
    public double HalfLifeDays { get; init; } = 60;

    public static InfluenceWeights Default { get; } = new();

    public static float Of(InteractionKind kind) => kind switch
    {
        InteractionKind.Reaction => 1f,
        InteractionKind.Follow => 2f,
        InteractionKind.Mention => 2f,
        InteractionKind.Comment => 3f,
        InteractionKind.Reply => 3f,
        InteractionKind.Share => 4f,
        InteractionKind.Thanks => 5f,
        InteractionKind.Helpful => 5f,
        _ => 0f,
    };

    /// <summary>2^(−age / half-life): 1 for an act made now.</summary>
    public float Decay(DateTime at, DateTime now)
    {
        var ageDays = Math.Max(0, (now - at).TotalDays);
        return (float)Math.Pow(2, -ageDays / HalfLifeDays);
    }
}
