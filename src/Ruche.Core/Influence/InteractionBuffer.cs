namespace Ruche.Core.Influence;

/// <summary>
/// The sink one source writes into: compact columns (person indexes, a weight already decayed, space and post ids),
/// nothing per interaction on the heap. It is also the graph's first line of refusal (ADR 24): an act whose space is a
/// union or staff-representation space, by or towards someone outside the graph (left it, inactive, erased), to
/// oneself, of an unknown kind or outside the window never gets in, whatever the source wrote.
/// </summary>
public sealed class InteractionBuffer : IInteractionSink
{
    private readonly GraphMembers members;
    private readonly IReadOnlySet<long> refusedSpaces;
    private readonly InfluenceWeights weights;
    private readonly InteractionWindow window;
    private readonly long[] kindCounts = new long[256];

    internal InteractionBuffer(GraphMembers members, IReadOnlySet<long> refusedSpaces, InfluenceWeights weights, InteractionWindow window)
    {
        this.members = members;
        this.refusedSpaces = refusedSpaces;
        this.weights = weights;
        this.window = window;
    }

    internal Column<int> From { get; } = new();

    internal Column<int> To { get; } = new();

    internal Column<float> Weight { get; } = new();

    /// <summary>The space of the content the act is about; 0 for none.</summary>
    internal Column<long> Space { get; } = new();

    /// <summary>The post the act is about; 0 for none.</summary>
    internal Column<long> Post { get; } = new();

    internal List<(long PostId, string Tag)> PostTags { get; } = [];

    /// <summary>Interactions kept.</summary>
    public long Count => From.Count;

    /// <summary>Interactions the buffer refused (union or staff-representation space, person outside the graph, self, window).</summary>
    public long Refused { get; private set; }

    public long CountOf(InteractionKind kind) => kindCounts[(byte)kind];

    public void Add(InteractionKind kind, long fromPersonId, long toPersonId, DateTime at, long? spaceId, long? postId)
    {
        var weight = InfluenceWeights.Of(kind);
        if (weight <= 0
            || fromPersonId == toPersonId
            || at < window.From || at > window.To
            || (spaceId is { } space && refusedSpaces.Contains(space))
            || !members.TryIndex(fromPersonId, out var from)
            || !members.TryIndex(toPersonId, out var to))
        {
            Refused++;
            return;
        }

        From.Add(from);
        To.Add(to);
        Weight.Add(weight * weights.Decay(at, window.To));
        Space.Add(spaceId ?? 0);
        Post.Add(postId ?? 0);
        kindCounts[(byte)kind]++;
    }

    public void TagPost(long postId, string tag) => PostTags.Add((postId, tag));
}
