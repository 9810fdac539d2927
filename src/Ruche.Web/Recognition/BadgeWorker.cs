using Ruche.Core.Recognition;
using Ruche.Web.Hosting;

namespace Ruche.Web.Recognition;

/// <summary>
/// The hourly badge pass for everyone (<see cref="BadgeAwarder"/>): it catches the acts of features that do not know
/// badges exist (an idea accepted, a goal suggestion taken). Idempotent, so every node may run it.
/// </summary>
public sealed class BadgeWorker(IServiceScopeFactory scopes, TimeProvider time, ILogger<BadgeWorker> logger)
    : PeriodicWorker(scopes, time, logger)
{
    protected override TimeSpan Period => TimeSpan.FromHours(1);

    protected override async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        await services.GetRequiredService<BadgeAwarder>().AwardAsync(null, cancellationToken);
}
