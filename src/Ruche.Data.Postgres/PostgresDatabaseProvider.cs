using Microsoft.EntityFrameworkCore;
using Npgsql;
using Ruche.Core.Data;
using Ruche.Core.Search;

namespace Ruche.Data.Postgres;

/// <summary>PostgreSQL through Npgsql, for companies that outgrow one machine.</summary>
public sealed class PostgresDatabaseProvider : IDatabaseProvider, IFullTextEngine
{
    public string Name => "Postgres";

    public IFullTextIndex FullText { get; } = new PostgresFullTextIndex();

    /// <remarks>
    /// A list of ids in a query is one array parameter (<c>= ANY (@ids)</c>): the same SQL whatever its length. Statements
    /// are prepared once per connection after their second use (Npgsql's automatic preparation): planning a feed page's
    /// queries cost PostgreSQL more than running them. A connection string that sets Max Auto Prepare keeps its value.
    /// </remarks>
    public void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(WithPreparation(connectionString), npgsql => npgsql
            .MigrationsAssembly(typeof(PostgresDatabaseProvider).Assembly.GetName().Name)
            .UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
            .AddInterceptors(QueryExpansion.Instance);

    /// <summary>The connection string with automatic preparation on, unless it says otherwise.</summary>
    public static string WithPreparation(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase) && !connectionString.Contains("AutoPrepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxAutoPrepare = 100;
            builder.AutoPrepareMinUsages = 2;
        }

        return builder.ConnectionString;
    }

    /// <summary>A transaction-scoped advisory lock named after the resource: released at commit or rollback.</summary>
    public async Task SerializeAsync(RucheDbContext db, string resource, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({resource}))", cancellationToken);

    public (string Sql, object Parameter) IdTable(IReadOnlyCollection<long> ids) => ("SELECT unnest({0}) AS value", ids.ToArray());

    public void PrepareStorage(string connectionString)
    {
        // The server owns its storage; the database itself is created by the migration run.
    }
}
