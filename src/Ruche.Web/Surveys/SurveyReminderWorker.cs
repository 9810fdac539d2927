using Ruche.Core.Surveys;
using Ruche.Web.Hosting;

namespace Ruche.Web.Surveys;

/// <summary>
/// Every 15 minutes, reminds the people a survey round asks who have not answered, once per round, from 48 hours
/// before it closes (<see cref="SurveyReminders"/>). Safe on every node: each round is claimed by one conditional update.
/// </summary>
public sealed class SurveyReminderWorker(IServiceScopeFactory scopes, TimeProvider time, ILogger<SurveyReminderWorker> logger)
    : PeriodicWorker(scopes, time, logger)
{
    protected override TimeSpan Period => TimeSpan.FromMinutes(15);

    protected override Task RunAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<SurveyReminders>().SendDueAsync(cancellationToken);
}
