using Ruche.Core.Goals;

namespace Ruche.Web.Goals;

/// <summary>
/// Runs the morning reminder pass every few minutes, on every node: the claims in the database make each person's
/// reminder go out once a day however many nodes run it (see <see cref="GoalReminderService"/>). Also posts due
/// weekly recaps, claimed the same way.
/// </summary>
public sealed partial class GoalReminderWorker(IServiceScopeFactory scopes, TimeProvider time, ILogger<GoalReminderWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Period = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<GoalReminderService>().SendDueAsync(stoppingToken);
                await scope.ServiceProvider.GetRequiredService<WeeklyRecapService>().PostDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // One failed pass (database restarting) must not stop the next ones.
            catch (Exception failure)
#pragma warning restore CA1031
            {
                LogFailure(logger, failure);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The goals reminder pass failed; retrying at the next run")]
    private static partial void LogFailure(ILogger logger, Exception failure);
}
