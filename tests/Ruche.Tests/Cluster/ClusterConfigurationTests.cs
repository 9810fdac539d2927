using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Ruche.Tests.Cluster;

/// <summary>A node configured for a cluster refuses to start on what cannot be shared between nodes.</summary>
public sealed class ClusterConfigurationTests
{
    [Fact]
    public void A_cluster_node_refuses_the_embedded_database()
    {
        var failure = StartFailure(builder => builder.UseSetting("Database:Provider", "Sqlite"));

        Assert.Contains("Ruche:Cluster needs Database:Provider = Postgres", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cluster_node_refuses_to_start_without_the_redis_backplane()
    {
        var failure = StartFailure(builder =>
        {
            builder.UseSetting("Database:Provider", "Postgres");
            builder.UseSetting("ConnectionStrings:Ruche", "Host=127.0.0.1;Port=1;Database=none;Username=none;Password=none");
        });

        Assert.Contains("Ruche:Cluster needs ConnectionStrings:Redis", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cluster_node_refuses_to_start_without_the_sealing_key()
    {
        var failure = StartFailure(builder =>
        {
            builder.UseSetting("Database:Provider", "Postgres");
            builder.UseSetting("ConnectionStrings:Ruche", "Host=127.0.0.1;Port=1;Database=none;Username=none;Password=none");
            builder.UseSetting("ConnectionStrings:Redis", "127.0.0.1:1,abortConnect=false");
        });

        Assert.Contains("Ruche:SealingKey is required", failure, StringComparison.Ordinal);
    }

    private static string StartFailure(Action<IWebHostBuilder> configure)
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "ruche-tests", Guid.NewGuid().ToString("N"));
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Ruche:DataDir", dataDir);
            builder.UseSetting("Ruche:Cluster", "true");
            builder.UseSetting("ConnectionStrings:Redis", string.Empty);
            configure(builder);
        });
        var failure = Assert.ThrowsAny<Exception>(() => factory.Server);
        return failure.ToString();
    }
}
