using Ruche.Core.Data;

namespace Ruche.Core.Influence;

/// <summary>
/// Reads every registered source into its own buffer, in parallel (one <see cref="RucheDbContext"/> each). A source
/// from the social dialogue or the reporting channel is refused outright (ADR 24: they never enter the graph). Then the
/// acts about posts are resolved against the posts the sources declared.
/// </summary>
public static class InteractionLoader
{
    private static readonly string[] RefusedNamespaces = ["Ruche.Core.Dialogue", "Ruche.Core.Reporting"];

    /// <summary>True when the source belongs to a feature whose acts never enter the graph.</summary>
    public static bool IsRefused(IInteractionSource source)
    {
        var name = source.GetType().Namespace ?? "";
        return RefusedNamespaces.Any(refused => name == refused || name.StartsWith(refused + ".", StringComparison.Ordinal));
    }

    public static async Task<IReadOnlyList<InteractionBuffer>> LoadAsync(
        IEnumerable<IInteractionSource> sources,
        Func<RucheDbContext> newContext,
        GraphMembers members,
        IReadOnlySet<long> refusedSpaces,
        InfluenceWeights weights,
        InteractionWindow window,
        CancellationToken cancellationToken)
    {
        var accepted = sources.Where(s => !IsRefused(s)).ToList();
        var buffers = accepted.Select(_ => new InteractionBuffer(members, refusedSpaces, weights, window)).ToArray();
        await Parallel.ForEachAsync(
            Enumerable.Range(0, accepted.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(2, Environment.ProcessorCount), CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                await using var db = newContext();
                await accepted[i].ReadAsync(db, window, buffers[i], ct);
            });

        // Acts about posts take their receiver and space from the posts the sources declared (read once, not per act).
        var posts = PostDirectory.Of(buffers);
        Parallel.ForEach(buffers, new ParallelOptions { CancellationToken = cancellationToken }, buffer => buffer.Resolve(posts));
        return buffers;
    }
}
