using Ruche.Core.Reporting;
using Ruche.Web.Hosting;

namespace Ruche.Web.Reporting;

/// <summary>
/// Every quarter of an hour, on every node: warns referents of deadlines coming (each warning claimed on its case, so it
/// goes out once) and anonymises closed cases whose quiet period is over (idempotent).
/// </summary>
public sealed class ReportingWorker(IServiceScopeFactory scopes, TimeProvider time, ILogger<ReportingWorker> logger)
    : PeriodicWorker(scopes, time, logger)
{
    protected override TimeSpan Period => TimeSpan.FromMinutes(15);

    protected override bool RunsAtStart => true;

    protected override async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<ReportingReminders>().SendDueAsync(cancellationToken);
        await services.GetRequiredService<ReportingRetention>().AnonymiseDueAsync(cancellationToken);
    }
}
