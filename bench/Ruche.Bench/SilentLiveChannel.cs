using Ruche.Core.Live;

namespace Ruche.Bench;

/// <summary>A live channel nobody listens to: benchmarks measure reads, not pushes.</summary>
internal sealed class SilentLiveChannel : ILiveChannel
{
    public IRucheClient Company => throw new NotSupportedException("Benchmarks publish nothing.");

    public IRucheClient People(IReadOnlyCollection<long> personIds) => throw new NotSupportedException("Benchmarks publish nothing.");
}
