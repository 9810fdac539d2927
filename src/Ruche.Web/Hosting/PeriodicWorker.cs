namespace Ruche.Web.Hosting;

/// <summary>
/// The one shape of Ruche's scheduled jobs: a run every <see cref="Period"/> (on the app's <see cref="TimeProvider"/>, so
/// tests can move time), each in its own service scope; a failed run is logged and the next one goes ahead. Whether
/// a job may run on every node at once is the job's own business (a claim in the database, or idempotent work).
/// </summary>
public abstract partial class PeriodicWorker(IServiceScopeFactory scopes, TimeProvider time, ILogger logger) : BackgroundService
{
    protected abstract TimeSpan Period { get; }

    /// <summary>Whether the first run starts with the app (catching up on what a stop missed) rather than a period later.</summary>
    protected virtual bool RunsAtStart => false;

    protected TimeProvider Time => time;

    protected IServiceScopeFactory Scopes => scopes;

    /// <summary>One run, with the services of a fresh scope.</summary>
    protected abstract Task RunAsync(IServiceProvider services, CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, time);
        if (!RunsAtStart && !await timer.WaitForNextTickAsync(stoppingToken))
        {
            return;
        }

        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await RunAsync(scope.ServiceProvider, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // One failed run (database busy, SMTP down) must not stop the next ones.
            catch (Exception failure)
#pragma warning restore CA1031
            {
                LogFailure(logger, failure, GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A run of {Worker} failed; it runs again at the next period")]
    private static partial void LogFailure(ILogger logger, Exception failure, string worker);
}
