namespace Ruche.Core.Influence;

/// <summary>
/// The people in the graph, each with a dense index 0..N−1 (the graph's arrays are indexed by it): active, not erased,
/// and not having left the graph. Whoever is not here has no node, and every act by or towards them is dropped.
/// </summary>
public sealed class GraphMembers
{
    private readonly Dictionary<long, int> indexes;

    public GraphMembers(IReadOnlyList<long> personIds)
    {
        Ids = [.. personIds];
        indexes = new Dictionary<long, int>(Ids.Length);
        for (var i = 0; i < Ids.Length; i++)
        {
            indexes[Ids[i]] = i;
        }
    }

    /// <summary>Person id by index.</summary>
    public long[] Ids { get; }

    public int Count => Ids.Length;

    public bool TryIndex(long personId, out int index) => indexes.TryGetValue(personId, out index);
}
