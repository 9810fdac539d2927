using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.People;
using Ruche.Core.Posts;
using Ruche.Core.Profiles;
using Ruche.Core.Search;

using Ruche.Core.Spaces;
using Ruche.Data.Postgres;
using Ruche.Data.Sqlite;
using Ruche.Demo;

namespace Ruche.Bench;

/// <summary>
/// One search page (20 results with counts per type and snippets) for a demo employee, below HTTP, on each
/// provider: SQLite always, PostgreSQL when RUCHE_TEST_POSTGRES names a server (a database is created and
/// dropped). The demo company is seeded, then indexed with the rebuild the reindex-search command runs.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PercentilesConfig))]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class SearchBenchmarks
{
    private static readonly ISearchSource[] Sources = [new PostSearchSource(TimeProvider.System), new CommentSearchSource(TimeProvider.System), new SpaceSearchSource(), new PersonSearchSource(TimeProvider.System)];
    private readonly string folder = Path.Combine(Path.GetTempPath(), "ruche-bench", Guid.NewGuid().ToString("N"));
    private DbContextOptions<RucheDbContext> options = default!;
    private IDatabaseProvider provider = default!;
    private string? postgresDatabase;
    private Viewer viewer = default!;

    public static IEnumerable<string> Providers =>
        string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("RUCHE_TEST_POSTGRES")) ? ["Sqlite"] : ["Sqlite", "Postgres"];

    [ParamsSource(nameof(Providers))]
    public string Provider { get; set; } = "Sqlite";

    /// <summary>A common word, a phrase, words with an exclusion, a tag word, a person's skill.</summary>
    [Params("télétravail", "\"déjeuner d'équipe\"", "atlas migration -recette", "sécurité", "kubernetes")]
    public string Query { get; set; } = string.Empty;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        string connection;
        if (Provider == "Postgres")
        {
            provider = new PostgresDatabaseProvider();
            var server = Environment.GetEnvironmentVariable("RUCHE_TEST_POSTGRES")!;
            postgresDatabase = "ruche_bench_" + Guid.NewGuid().ToString("N")[..12];
            connection = new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = postgresDatabase }.ConnectionString;
        }
        else
        {
            provider = new SqliteDatabaseProvider();
            Directory.CreateDirectory(folder);
            connection = $"Data Source={Path.Combine(folder, "bench.db")}";
        }

        provider.PrepareStorage(connection);
        var builder = new DbContextOptionsBuilder<RucheDbContext>();
        provider.Configure(builder, connection);
        options = builder.Options;
        await using var db = new RucheDbContext(options);
        await db.Database.MigrateAsync();
        await DemoCompany.SeedAsync(db, new PasswordHasher<Person>(), TimeProvider.System, CancellationToken.None);
        await new SearchIndexer(Sources).RebuildAsync(db, CancellationToken.None);
        var id = await db.People.Where(p => p.Handle == "julien.roux").Select(p => p.Id).SingleAsync();
        viewer = new Viewer(id, new HashSet<string> { RoleNames.Employee });
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        if (postgresDatabase is not null)
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            await using var connection = new Npgsql.NpgsqlConnection(Environment.GetEnvironmentVariable("RUCHE_TEST_POSTGRES"));
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"DROP DATABASE IF EXISTS {postgresDatabase} WITH (FORCE)";
            await command.ExecuteNonQueryAsync();
            return;
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Benchmark]
    public async Task<int> SearchPage()
    {
        await using var db = new RucheDbContext(options);
        var results = await new SearchService(db, ((IFullTextEngine)provider).FullText, Sources).SearchAsync(viewer, new SearchRequest(Query, PageSize: 20), CancellationToken.None);
        return results.Items.Count;
    }

    private sealed class PercentilesConfig : ManualConfig
    {
        public PercentilesConfig() => AddColumn(StatisticColumn.Median, StatisticColumn.P95);
    }
}
