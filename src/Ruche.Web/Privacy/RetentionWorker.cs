using Ruche.Core.Privacy;

namespace Ruche.Web.Privacy;

/// <summary>
/// Applies retention policies every hour. Every node runs the loop; a lease in the database lets one of them do the
/// work per run, so content is never deleted twice at once nor the audit log filled with duplicate runs.
/// </summary>
public sealed partial class RetentionWorker(IServiceScopeFactory scopes, TimeProvider time, ILogger<RetentionWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Period = TimeSpan.FromHours(1);

    /// <summary>Longer than a run takes, shorter than the period: a node that dies mid-run frees the next one.</summary>
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(50);

    private readonly string node = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<RetentionService>().RunAsync(node, Lease, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // One failed run must not stop the next ones.
            catch (Exception failure)
#pragma warning restore CA1031
            {
                LogFailure(logger, failure);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Applying retention policies failed; retrying at the next run")]
    private static partial void LogFailure(ILogger logger, Exception failure);
}
