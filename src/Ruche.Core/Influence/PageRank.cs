namespace Ruche.Core.Influence;

/// <summary>
/// Weighted PageRank (ADR 24), the random surfer of Brin and Page: with probability <see cref="Damping"/> (0.85) they
/// follow an outgoing edge of the current person in proportion to its weight, otherwise they jump to anyone; from a
/// person with no outgoing edge (dangling) they jump to anyone. Scores sum to 1.
/// <para>
/// Computed by power iteration, "pull" style over the graph's rows by target (each worker writes only its own slice
/// of the next vector: no locks), until the L1 distance between two iterations is below <see cref="Tolerance"/>
/// (1e-9: every score is then within 1e-9 × 0.85/0.15 ≈ 6e-9 of the fixed point) or <see cref="MaxIterations"/>.
/// </para>
/// </summary>
public static class PageRank
{
    public const double Damping = 0.85;

    public const double Tolerance = 1e-9;

    public const int MaxIterations = 200;

    public sealed record Result(double[] Scores, int Iterations, double LastChange);

    public static Result Compute(InteractionGraph graph, double tolerance = Tolerance)
    {
        var n = graph.Nodes;
        if (n == 0)
        {
            return new Result([], 0, 0);
        }

        // Each edge's share of its source's out-strength, computed once.
        var offsets = graph.InOffsets;
        var sources = graph.Sources;
        var share = new float[graph.Edges];
        var outStrength = graph.OutStrength;
        Parallel.For(0, InteractionGraph.Workers(graph.Edges), worker =>
        {
            var (start, end) = InteractionGraph.Slice(graph.Edges, worker);
            for (var e = start; e < end; e++)
            {
                share[e] = (float)(graph.Weights[e] / outStrength[sources[e]]);
            }
        });

        var rank = new double[n];
        var next = new double[n];
        Array.Fill(rank, 1.0 / n);
        var workers = InteractionGraph.Workers(n);
        var changes = new double[workers];
        var iterations = 0;
        var change = double.MaxValue;
        while (iterations < MaxIterations && change > tolerance)
        {
            var dangling = 0.0;
            for (var u = 0; u < n; u++)
            {
                if (outStrength[u] == 0)
                {
                    dangling += rank[u];
                }
            }

            var jump = ((1 - Damping) + (Damping * dangling)) / n;
            var current = rank;
            var target = next;
            Parallel.For(0, workers, worker =>
            {
                var (start, end) = InteractionGraph.Slice(n, worker);
                var delta = 0.0;
                for (var v = start; v < end; v++)
                {
                    var sum = 0.0;
                    for (var e = offsets[v]; e < offsets[v + 1]; e++)
                    {
                        sum += current[sources[e]] * share[e];
                    }

                    var value = jump + (Damping * sum);
                    delta += Math.Abs(value - current[v]);
                    target[v] = value;
                }

                changes[worker] = delta;
            });

            change = changes.Sum();
            (rank, next) = (next, rank);
            iterations++;
        }

        // The float shares round; bring the total back to exactly 1.
        var total = rank.Sum();
        for (var v = 0; v < n; v++)
        {
            rank[v] /= total;
        }

        return new Result(rank, iterations, change);
    }
}
