using Ruche.Core.Goals;
using Ruche.Web.Hosting;

namespace Ruche.Web.Goals;

/// <summary>
/// Runs the morning reminder pass every few minutes, on every node: the claims in the database make each person's
/// reminder go out once a day however many nodes run it (see <see cref="GoalReminderService"/>). Also posts due
/// weekly recaps, claimed the same way.
/// </summary>
public sealed class GoalReminderWorker(IServiceScopeFactory scopes, TimeProvider time, ILogger<GoalReminderWorker> logger)
    : PeriodicWorker(scopes, time, logger)
{
    protected override TimeSpan Period => TimeSpan.FromMinutes(5);

    protected override bool RunsAtStart => true;

    protected override async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<GoalReminderService>().SendDueAsync(cancellationToken);
        await services.GetRequiredService<WeeklyRecapService>().PostDueAsync(cancellationToken);
    }
}
