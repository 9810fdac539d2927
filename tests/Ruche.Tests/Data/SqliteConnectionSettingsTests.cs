using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Ruche.Core.Data;
using Ruche.Data.Sqlite;

namespace Ruche.Tests.Data;

/// <summary>
/// The SQLite settings Ruche relies on (wait for a busy writer, NORMAL sync) hold on every connection EF Core uses,
/// though they are applied once per physical connection rather than at every opening.
/// </summary>
public sealed class SqliteConnectionSettingsTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("ruche-pragma-").FullName;

    [Fact]
    public async Task Every_connection_waits_for_a_busy_writer_and_syncs_normally_reopened_or_new()
    {
        var provider = new SqliteDatabaseProvider();
        var connectionString = $"Data Source={Path.Combine(folder, "ruche.db")}";
        provider.PrepareStorage(connectionString);
        var options = new DbContextOptionsBuilder<RucheDbContext>();
        provider.Configure(options, connectionString);

        var cancellation = TestContext.Current.CancellationToken;
        await using (var first = new RucheDbContext(options.Options))
        await using (var second = new RucheDbContext(options.Options))
        {
            // While the first holds its connection open, the second needs another physical connection.
            await first.Database.OpenConnectionAsync(cancellation);
            await second.Database.OpenConnectionAsync(cancellation);
            Assert.NotSame(Handle(first), Handle(second));
            Assert.Equal((5000L, 1L), await SettingsAsync(first));
            Assert.Equal((5000L, 1L), await SettingsAsync(second));
            await first.Database.CloseConnectionAsync();
            await second.Database.CloseConnectionAsync();
        }

        // Opened again, a context gets one of those connections back from the pool, settings kept.
        await using var later = new RucheDbContext(options.Options);
        await later.Database.OpenConnectionAsync(cancellation);
        Assert.Equal((5000L, 1L), await SettingsAsync(later));
        await later.Database.CloseConnectionAsync();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    private static SQLitePCL.sqlite3? Handle(RucheDbContext db) => ((SqliteConnection)db.Database.GetDbConnection()).Handle;

    private static async Task<(long BusyTimeout, long Synchronous)> SettingsAsync(RucheDbContext db)
    {
        var connection = db.Database.GetDbConnection();
        return (await ScalarAsync(connection, "PRAGMA busy_timeout"), await ScalarAsync(connection, "PRAGMA synchronous"));
    }

    private static async Task<long> ScalarAsync(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
