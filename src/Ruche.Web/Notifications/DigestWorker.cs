using Ruche.Core.Notifications;
using Ruche.Web.Hosting;

namespace Ruche.Web.Notifications;

/// <summary>
/// Sends due digests every quarter of an hour, on every node: each digest is claimed in the database before it is
/// sent (DigestService), so with several nodes each goes out once.
/// </summary>
public sealed class DigestWorker(IServiceScopeFactory scopes, TimeProvider time, ILogger<DigestWorker> logger)
    : PeriodicWorker(scopes, time, logger)
{
    protected override TimeSpan Period => TimeSpan.FromMinutes(15);

    protected override Task RunAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<DigestService>().SendDueAsync(cancellationToken);
}
