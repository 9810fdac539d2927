using Ruche.Core.Notifications;
using Ruche.Web.Hosting;

namespace Ruche.Web.Notifications;

/// <summary>
/// Sends due digests every quarter of an hour. Each person's schedule is in the database, so a second node running
/// the same loop finds little to do; a digest sent twice in a race is the worst outcome, never one lost.
/// </summary>
public sealed class DigestWorker(IServiceScopeFactory scopes, TimeProvider time, ILogger<DigestWorker> logger)
    : PeriodicWorker(scopes, time, logger)
{
    protected override TimeSpan Period => TimeSpan.FromMinutes(15);

    protected override Task RunAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<DigestService>().SendDueAsync(cancellationToken);
}
