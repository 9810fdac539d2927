using Ruche.Core.Notifications;

namespace Ruche.Web.Notifications;

/// <summary>
/// Sends due digests every quarter of an hour, on every node: each digest is claimed in the database before it is
/// sent (DigestService), so with several nodes each goes out once.
/// </summary>
public sealed partial class DigestWorker(IServiceScopeFactory scopes, TimeProvider time, ILogger<DigestWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Period = TimeSpan.FromMinutes(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<DigestService>().SendDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // One failed run (SMTP down) must not stop the next ones.
            catch (Exception failure)
#pragma warning restore CA1031
            {
                LogFailure(logger, failure);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending e-mail digests failed; retrying at the next run")]
    private static partial void LogFailure(ILogger logger, Exception failure);
}
