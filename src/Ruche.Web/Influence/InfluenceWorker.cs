using Ruche.Core.Influence;
using Ruche.Web.Hosting;

namespace Ruche.Web.Influence;

/// <summary>
/// Recomputes the influence graph every six hours. Every node runs the loop; a lease in the database lets one of them
/// compute per run (ADR 24), the others skip.
/// </summary>
public sealed class InfluenceWorker(IServiceScopeFactory scopes, TimeProvider time, ILogger<InfluenceWorker> logger)
    : PeriodicWorker(scopes, time, logger)
{
    /// <summary>Longer than a run takes (seconds at 10 million acts): a node that dies mid-run frees the next one.</summary>
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(30);

    /// <summary>A node skips when another computed within this (every node's loop has its own phase).</summary>
    private static readonly TimeSpan Fresh = TimeSpan.FromHours(5);

    private readonly string node = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    protected override TimeSpan Period => TimeSpan.FromHours(6);

    protected override Task RunAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<InfluenceComputation>().RunScheduledAsync(node, Lease, Fresh, cancellationToken);
}
