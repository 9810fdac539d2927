using Ruche.Core.Records;
using Ruche.Web.Hosting;

namespace Ruche.Web.Records;

/// <summary>Every hour, reminds secretaries once of CSE minutes falling due (safe on every node: each meeting is claimed by one conditional update).</summary>
public sealed class MinutesReminderWorker(IServiceScopeFactory scopes, TimeProvider time, ILogger<MinutesReminderWorker> logger)
    : PeriodicWorker(scopes, time, logger)
{
    protected override TimeSpan Period => TimeSpan.FromHours(1);

    protected override bool RunsAtStart => true;

    protected override Task RunAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<MinutesReminders>().RemindAsync(cancellationToken);
}
