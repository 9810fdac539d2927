using Microsoft.Extensions.Diagnostics.HealthChecks;
using Ruche.Core.Data;

namespace Ruche.Web.Hosting;

internal sealed class DatabaseHealthCheck(RucheDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy("The database answers.")
            : HealthCheckResult.Unhealthy("The database does not answer.");
}
