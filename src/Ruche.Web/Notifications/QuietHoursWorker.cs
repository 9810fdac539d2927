using Ruche.Core.Notifications;
using Ruche.Web.Hosting;

namespace Ruche.Web.Notifications;

/// <summary>
/// Every minute, sends the live unread count to the people whose quiet hours just ended (<see cref="QuietHoursRelease"/>).
/// Every node may run it: what it sends is idempotent.
/// </summary>
public sealed class QuietHoursWorker(IServiceScopeFactory scopes, TimeProvider time, ILogger<QuietHoursWorker> logger)
    : PeriodicWorker(scopes, time, logger)
{
    private DateTimeOffset? since;

    protected override TimeSpan Period => TimeSpan.FromMinutes(1);

    protected override async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var now = Time.GetUtcNow();
        await services.GetRequiredService<QuietHoursRelease>().ReleaseAsync(since ?? now - Period, now, cancellationToken);
        since = now;
    }
}
