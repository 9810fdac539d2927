namespace Ruche.Core.Influence;

/// <summary>
/// The weighted directed graph in compressed sparse rows by target (ADR 24): for person v, the edges u→v are
/// <c>Sources[InOffsets[v]..InOffsets[v+1]]</c> with their summed, decayed weights. Arrays only, no object per edge:
/// 10 million edges are 80 MB. All acts from u to v make one edge whose weight is the sum of theirs.
/// </summary>
public sealed class InteractionGraph
{
    private InteractionGraph(int nodes, int[] inOffsets, int[] sources, float[] weights, double[] outStrength)
    {
        Nodes = nodes;
        InOffsets = inOffsets;
        Sources = sources;
        Weights = weights;
        OutStrength = outStrength;
    }

    public int Nodes { get; }

    public int[] InOffsets { get; }

    public int[] Sources { get; }

    public float[] Weights { get; }

    /// <summary>Per node, the sum of the weights of its outgoing edges (0: a dangling node).</summary>
    public double[] OutStrength { get; }

    public int Edges => InOffsets[Nodes];

    /// <summary>Distinct people who engaged with <paramref name="node"/> (its in-degree once acts are merged).</summary>
    public int Reach(int node) => InOffsets[node + 1] - InOffsets[node];

    /// <summary>Builds the graph from what the sources wrote: a counting sort by target, then each target's sources sorted and merged.</summary>
    public static InteractionGraph Build(int nodes, IReadOnlyList<InteractionBuffer> buffers)
    {
        var total = buffers.Sum(b => b.Count);
        if (total > int.MaxValue - 1)
        {
            throw new InvalidOperationException("More than 2^31 interactions in one window.");
        }

        var offsets = new int[nodes + 1];
        foreach (var buffer in buffers)
        {
            ForEachChunk(buffer.To, (chunk, count) =>
            {
                for (var i = 0; i < count; i++)
                {
                    offsets[chunk[i] + 1]++;
                }
            });
        }

        for (var v = 0; v < nodes; v++)
        {
            offsets[v + 1] += offsets[v];
        }

        var sources = new int[total];
        var weights = new float[total];
        var cursor = (int[])offsets.Clone();
        foreach (var buffer in buffers)
        {
            for (var c = 0; c < buffer.To.Chunks.Count; c++)
            {
                var to = buffer.To.Chunks[c];
                var from = buffer.From.Chunks[c];
                var weight = buffer.Weight.Chunks[c];
                var count = buffer.To.CountIn(c);
                for (var i = 0; i < count; i++)
                {
                    var at = cursor[to[i]]++;
                    sources[at] = from[i];
                    weights[at] = weight[i];
                }
            }
        }

        // Each target's run sorted by source, duplicates merged into their first; then the runs moved left.
        var merged = new int[nodes];
        Parallel.For(0, Workers(nodes), worker =>
        {
            var (start, end) = Slice(nodes, worker);
            for (var v = start; v < end; v++)
            {
                var first = offsets[v];
                var length = offsets[v + 1] - first;
                if (length > 1)
                {
                    Array.Sort(sources, weights, first, length);
                }

                var write = first - 1;
                for (var e = first; e < first + length; e++)
                {
                    if (write >= first && sources[write] == sources[e])
                    {
                        weights[write] += weights[e];
                    }
                    else
                    {
                        write++;
                        sources[write] = sources[e];
                        weights[write] = weights[e];
                    }
                }

                merged[v] = write - first + 1;
            }
        });

        var inOffsets = new int[nodes + 1];
        var position = 0;
        for (var v = 0; v < nodes; v++)
        {
            inOffsets[v] = position;
            Array.Copy(sources, offsets[v], sources, position, merged[v]);
            Array.Copy(weights, offsets[v], weights, position, merged[v]);
            position += merged[v];
        }

        inOffsets[nodes] = position;
        Array.Resize(ref sources, position);
        Array.Resize(ref weights, position);

        var outStrength = new double[nodes];
        for (var e = 0; e < position; e++)
        {
            outStrength[sources[e]] += weights[e];
        }

        return new InteractionGraph(nodes, inOffsets, sources, weights, outStrength);
    }

    /// <summary>Worker slices for the two cores (and more, where there are).</summary>
    internal static int Workers(int items) => items < 4096 ? 1 : Math.Max(1, Environment.ProcessorCount);

    internal static (int Start, int End) Slice(int items, int worker)
    {
        var workers = Workers(items);
        var size = (items + workers - 1) / workers;
        return (Math.Min(items, worker * size), Math.Min(items, (worker + 1) * size));
    }

    private static void ForEachChunk(Column<int> column, Action<int[], int> action)
    {
        for (var c = 0; c < column.Chunks.Count; c++)
        {
            action(column.Chunks[c], column.CountIn(c));
        }
    }
}
