using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Ruche.Core.Data;
using Ruche.Core.Search;

namespace Ruche.Data.Sqlite;

/// <summary>The embedded default: one file, no setup.</summary>
public sealed class SqliteDatabaseProvider : IDatabaseProvider, IFullTextEngine
{
    public string Name => "Sqlite";

    public IFullTextIndex FullText { get; } = new SqliteFullTextIndex();

    /// <remarks>
    /// A list of ids in a query (<c>ids.Contains(x)</c>) is one JSON parameter: its SQL is the same whatever the
    /// list's length, so EF Core generates it once (one SQL parameter per element made EF write it anew each time).
    /// </remarks>
    public void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options
            .UseSqlite(connectionString, sqlite => sqlite
                .MigrationsAssembly(typeof(SqliteDatabaseProvider).Assembly.GetName().Name)
                .UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
            .AddInterceptors(PragmaInterceptor.Instance, QueryExpansion.Instance);

    public void PrepareStorage(string connectionString)
    {
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        // WAL lets readers go on while one writer writes; it is a property of the file, so set it once.
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// SQLite has one writer at a time and Ruche's transactions begin IMMEDIATE (taking the write lock at once),
    /// so transactions on any resource already take turns.
    /// </summary>
    public Task SerializeAsync(RucheDbContext db, string resource, CancellationToken cancellationToken) => Task.CompletedTask;

    public (string Sql, object Parameter) IdTable(IReadOnlyCollection<long> ids) =>
        ("SELECT value FROM json_each({0})", JsonSerializer.Serialize(ids));

    /// <summary>
    /// Per-connection settings: wait for a busy writer instead of failing; NORMAL sync is safe under WAL; deleted rows are
    /// overwritten (a counted ballot or an anonymised case leaves no bytes in free pages). Applied once
    /// per SQLite connection: the pool hands the same one out again and again, and EF Core opens it for every query.
    /// </summary>
    private sealed class PragmaInterceptor : DbConnectionInterceptor
    {
        public static readonly PragmaInterceptor Instance = new();

        private readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> applied = [];

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Apply(connection);
            return Task.CompletedTask;
        }

        private void Apply(DbConnection connection)
        {
            if (connection is SqliteConnection { Handle: { } handle } && applied.TryGetValue(handle, out _))
            {
                return;
            }

            using (var command = connection.CreateCommand())
            {
                command.CommandText = "PRAGMA busy_timeout=5000; PRAGMA synchronous=NORMAL; PRAGMA secure_delete=ON;";
                command.ExecuteNonQuery();
            }

            if (connection is SqliteConnection { Handle: { } opened })
            {
                applied.AddOrUpdate(opened, Instance);
            }
        }
    }
}
