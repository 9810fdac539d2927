using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Ruche.Core.Data;

namespace Ruche.Web.Hosting;

/// <summary>
/// Whether this node should receive traffic: the database answers, its schema is the one this build expects (the
/// <c>migrate</c> command has run), and the node is not shutting down. Redis is not part of it: without Redis live
/// updates stop crossing nodes, but every node still serves pages and writes, so taking them all out would be worse.
/// </summary>
internal sealed class ReadinessHealthCheck(RucheDbContext db, IHostApplicationLifetime lifetime) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("The node is shutting down.");
        }

        if (!await db.Database.CanConnectAsync(cancellationToken))
        {
            return HealthCheckResult.Unhealthy("The database does not answer.");
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
        return pending == 0
            ? HealthCheckResult.Healthy("Ready.")
            : HealthCheckResult.Unhealthy($"{pending} migrations are not applied: run the migrate command.");
    }
}
