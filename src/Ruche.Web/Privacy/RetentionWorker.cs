using Ruche.Core.PersonalData;
using Ruche.Core.Privacy;
using Ruche.Web.Hosting;

namespace Ruche.Web.Privacy;

/// <summary>
/// Applies retention policies every hour. Every node runs the loop; a lease in the database lets one of them do the
/// work per run, so content is never deleted twice at once nor the audit log filled with duplicate runs.
/// </summary>
public sealed class RetentionWorker(IServiceScopeFactory scopes, TimeProvider time, ILogger<RetentionWorker> logger)
    : PeriodicWorker(scopes, time, logger)
{
    /// <summary>Longer than a run takes, shorter than the period: a node that dies mid-run frees the next one.</summary>
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(50);

    private readonly string node = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    protected override TimeSpan Period => TimeSpan.FromHours(1);

    protected override Task RunAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<RetentionService>().RunAsync(node, Lease, cancellationToken);
}
