using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Ruche.Core.Data;
using Ruche.Data.Sqlite;
using Ruche.Web.Hosting;

namespace Ruche.Tests.Cluster;

/// <summary>/health/ready keeps a node out of the proxy's pool while its schema is behind or while it stops.</summary>
public sealed class ReadinessTests
{
    [Fact]
    public async Task A_node_whose_database_lacks_migrations_or_that_is_stopping_is_not_ready()
    {
        var folder = Path.Combine(Path.GetTempPath(), "ruche-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var connection = $"Data Source={Path.Combine(folder, "ruche.db")};Pooling=false";
        var provider = new SqliteDatabaseProvider();
        provider.PrepareStorage(connection);
        var options = new DbContextOptionsBuilder<RucheDbContext>();
        provider.Configure(options, connection);
        await using var db = new RucheDbContext(options.Options);
        var lifetime = new ApplicationLifetime(NullLogger<ApplicationLifetime>.Instance);
        var check = new ReadinessHealthCheck(db, lifetime);

        var behind = await check.CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);
        Assert.Equal(HealthStatus.Unhealthy, behind.Status);
        Assert.Contains("migrations are not applied", behind.Description, StringComparison.Ordinal);

        await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken)).Status);

        lifetime.StopApplication();
        var stopping = await check.CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);
        Assert.Equal(HealthStatus.Unhealthy, stopping.Status);
        Assert.Contains("shutting down", stopping.Description, StringComparison.Ordinal);
    }
}
