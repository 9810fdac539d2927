using Ruche.Core.Notifications;

namespace Ruche.Web.Notifications;

/// <summary>
/// Every minute, sends the live unread count to the people whose quiet hours just ended (<see cref="QuietHoursRelease"/>).
/// Every node may run it: what it sends is idempotent.
/// </summary>
public sealed partial class QuietHoursWorker(IServiceScopeFactory scopes, TimeProvider time, ILogger<QuietHoursWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Period = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var since = time.GetUtcNow();
        using var timer = new PeriodicTimer(Period, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var now = time.GetUtcNow();
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<QuietHoursRelease>().ReleaseAsync(since, now, stoppingToken);
                since = now;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // One failed run (database busy) must not stop the next ones, which cover its interval too.
            catch (Exception failure)
#pragma warning restore CA1031
            {
                LogFailure(logger, failure);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Releasing the quiet hours' held-back badges failed; retrying at the next run")]
    private static partial void LogFailure(ILogger logger, Exception failure);
}
