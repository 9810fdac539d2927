using Ruche.Core.Push;
using Ruche.Web.Hosting;

namespace Ruche.Web.Push;

/// <summary>
/// Sends queued pushes every few seconds, off the request path (<see cref="PushDelivery"/>); every node may run it,
/// since each message is claimed in the database before it goes. A push held by quiet hours goes at the first run
/// after they end.
/// </summary>
public sealed class PushWorker(IServiceScopeFactory scopes, TimeProvider time, ILogger<PushWorker> logger)
    : PeriodicWorker(scopes, time, logger)
{
    protected override TimeSpan Period => TimeSpan.FromSeconds(10);

    protected override Task RunAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<PushDelivery>().SendDueAsync(Time.GetUtcNow(), cancellationToken);
}
