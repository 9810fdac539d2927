using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Ruche.Core.Data;
using Ruche.Core.Search;
using Ruche.Data.Postgres;
using Ruche.Data.Sqlite;

namespace Ruche.Web.Hosting;

/// <summary>Chooses the database provider from configuration: Database:Provider = Sqlite (default) or Postgres.</summary>
public static class DatabaseConfiguration
{
    public static IServiceCollection AddRucheDatabase(this IServiceCollection services, IConfiguration configuration, RucheOptions options)
    {
        var provider = ProviderFor(configuration["Database:Provider"]);
        var connectionString = configuration.GetConnectionString("Ruche");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (provider is not SqliteDatabaseProvider)
            {
                throw new InvalidOperationException("ConnectionStrings:Ruche is required for the Postgres provider.");
            }

            connectionString = $"Data Source={Path.Combine(options.DataDirFullPath, "ruche.db")}";
        }

        if (options.Cluster && provider is SqliteDatabaseProvider)
        {
            throw new InvalidOperationException("Ruche:Cluster needs Database:Provider = Postgres: the embedded SQLite database serves one node.");
        }

        services.AddSingleton(provider);
        services.AddSingleton(provider is IFullTextEngine engine
            ? engine.FullText
            : throw new InvalidOperationException($"The {provider.Name} database provider brings no full-text engine."));
        services.AddSingleton(new DatabaseConnection(connectionString));
        // Pooled: a request reuses a context's internal services instead of building them (a tenth of a feed page's time).
        services.AddDbContextPool<RucheDbContext>((serviceProvider, builder) =>
        {
            provider.Configure(builder, connectionString);
            builder.AddInterceptors(serviceProvider.GetServices<IInterceptor>());
        });
        return services;
    }

    private static IDatabaseProvider ProviderFor(string? name) => name switch
    {
        null or "" or "Sqlite" => new SqliteDatabaseProvider(),
        "Postgres" or "PostgreSQL" => new PostgresDatabaseProvider(),
        _ => throw new InvalidOperationException($"Unknown Database:Provider '{name}'. Use Sqlite or Postgres."),
    };
}

public sealed record DatabaseConnection(string ConnectionString);
