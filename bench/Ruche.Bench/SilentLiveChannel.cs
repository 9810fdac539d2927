using Ruche.Core.Live;

namespace Ruche.Bench;

/// <summary>A live channel nobody listens to: benchmarks measure reads, not pushes.</summary>
internal sealed class SilentLiveChannel : ILiveChannel
{
    public TClient Company<TClient>()
        where TClient : class => throw new NotSupportedException("Benchmarks publish nothing.");

    public TClient People<TClient>(IReadOnlyCollection<long> personIds)
        where TClient : class => throw new NotSupportedException("Benchmarks publish nothing.");
}
