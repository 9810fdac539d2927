using Ruche.Core.Polls;
using Ruche.Web.Hosting;

namespace Ruche.Web.Polls;

/// <summary>
/// Every minute, closes the polls whose deadline passed and counts the anonymous ballots still waiting (readers opening
/// such a poll do the same first). Safe on every node: closing is one conditional update, counting is claimed by
/// deleting the batch.
/// </summary>
public sealed class PollClosingWorker(IServiceScopeFactory scopes, TimeProvider time, ILogger<PollClosingWorker> logger)
    : PeriodicWorker(scopes, time, logger)
{
    protected override TimeSpan Period => TimeSpan.FromMinutes(1);

    protected override bool RunsAtStart => true;

    protected override Task RunAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<PollClosing>().SettleAsync(null, cancellationToken);
}
