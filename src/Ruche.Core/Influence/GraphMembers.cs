namespace Ruche.Core.Influence;

/// <summary>
/// The people in the graph, each with a dense index 0..N−1 (the graph's arrays are indexed by it): active, not erased,
/// and not having left the graph. Whoever is not here has no node, and every act by or towards them is dropped.
/// </summary>
public sealed class GraphMembers
{
    /// <summary>Index + 1 by person id when ids are dense enough (the usual case: an identity column), else null.</summary>
    private readonly int[]? dense;
    private readonly Dictionary<long, int>? indexes;

    public GraphMembers(IReadOnlyList<long> personIds)
    {
        Ids = [.. personIds];
        if (Ids.Length > 0 && Ids.Min() >= 0 && Ids.Max() < (4L * Ids.Length) + 1024)
        {
            // One array read per lookup: 20 million lookups per run.
            dense = new int[Ids.Max() + 1];
            for (var i = 0; i < Ids.Length; i++)
            {
                dense[Ids[i]] = i + 1;
            }

            return;
        }

        indexes = new Dictionary<long, int>(Ids.Length);
        for (var i = 0; i < Ids.Length; i++)
        {
            indexes[Ids[i]] = i;
        }
    }

    /// <summary>Person id by index.</summary>
    public long[] Ids { get; }

    public int Count => Ids.Length;

    public bool TryIndex(long personId, out int index)
    {
        if (dense is null)
        {
            return indexes!.TryGetValue(personId, out index);
        }

        index = (ulong)personId < (ulong)dense.Length ? dense[personId] - 1 : -1;
        return index >= 0;
    }
}
