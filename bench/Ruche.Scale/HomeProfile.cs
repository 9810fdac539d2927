using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using Ruche.Core.Data;
using Ruche.Data.Postgres;
using Ruche.Data.Sqlite;

namespace Ruche.Scale;

/// <summary>
/// Where a home page's time goes, on one thread against an existing database: FeedService.HomeAsync with the time
/// spent inside each SQL command (from execution to the reader's disposal) against the same commands run bare.
///   Ruche.Scale.dll home-profile sqlite|postgres "&lt;connection string&gt;" [seconds]
/// </summary>
internal static class HomeProfile
{
    public static async Task RunAsync(string[] args)
    {
        var postgres = args[1] == "postgres";
        var connectionString = args[2];
        var seconds = args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 5;
        IDatabaseProvider provider = postgres ? new PostgresDatabaseProvider() : new SqliteDatabaseProvider();
        var builder = new DbContextOptionsBuilder<RucheDbContext>();
        provider.Configure(builder, connectionString);
        List<long> viewers;
        await using (var db = new RucheDbContext(builder.Options))
        {
            var people = await db.People.Select(p => p.Id).OrderBy(id => id).ToListAsync();
            var random = new Random(7);
            viewers = Enumerable.Range(0, 20).Select(_ => people[random.Next(people.Count)]).ToList();
        }

        var pages = await SqlFloor.CaptureHomePagesAsync(builder.Options, viewers);
        if (Environment.GetEnvironmentVariable("RUCHE_PROFILE_SQL") == "1")
        {
            foreach (var command in pages[0])
            {
                Console.WriteLine(command.Sql + "\n  -- " + string.Join(", ", command.Parameters.Select(p => $"{p.Name}={p.Value}")) + "\n");
            }
        }

        var timing = new Timing();
        var timed = new DbContextOptionsBuilder<RucheDbContext>(builder.Options).AddInterceptors(timing).Options;
        await SqlFloor.InProcessPagesPerSecondAsync(timed, viewers, TimeSpan.FromSeconds(1));
        timing.Reset();
        var clock = Stopwatch.StartNew();
        var inProcess = await SqlFloor.InProcessPagesPerSecondAsync(timed, viewers, TimeSpan.FromSeconds(seconds));
        var elapsed = clock.Elapsed.TotalMilliseconds;
        var count = inProcess * clock.Elapsed.TotalSeconds;
        Console.WriteLine($"FeedService: {inProcess:N0} pages/s = {elapsed / count:0.000} ms/page; inside SQL commands {timing.Total.TotalMilliseconds / count:0.000} ms/page over {timing.Commands / count:0.0} commands");
        foreach (var (sql, figures) in timing.BySql.OrderByDescending(s => s.Value.Ms))
        {
            Console.WriteLine($"  {figures.Ms / count:0.000} ms/page ({figures.Count / count:0.0}×) {Shorten(sql)}");
        }

        // The same commands, bare, one connection, one thread.
        await using DbConnection connection = postgres ? new NpgsqlConnection(PostgresDatabaseProvider.WithPreparation(connectionString)) : new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var perCommand = new Dictionary<string, double>();
        var done = 0;
        clock.Restart();
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            foreach (var captured in pages[done % pages.Count])
            {
                var started = Stopwatch.GetTimestamp();
                await using var command = connection.CreateCommand();
                command.CommandText = captured.Sql;
                foreach (var (name, value) in captured.Parameters)
                {
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = name;
                    parameter.Value = value ?? DBNull.Value;
                    command.Parameters.Add(parameter);
                }

                await using (var reader = await command.ExecuteReaderAsync())
                {
                    while (await reader.ReadAsync())
                    {
                        for (var i = 0; i < reader.FieldCount; i++)
                        {
                            _ = reader.GetValue(i);
                        }
                    }
                }

                perCommand[captured.Sql[..Math.Min(60, captured.Sql.Length)]] = perCommand.GetValueOrDefault(captured.Sql[..Math.Min(60, captured.Sql.Length)]) + Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }

            done++;
        }

        Console.WriteLine($"bare SQL: {done / clock.Elapsed.TotalSeconds:N0} pages/s = {clock.Elapsed.TotalMilliseconds / done:0.000} ms/page");
        foreach (var (sql, ms) in perCommand.OrderByDescending(p => p.Value))
        {
            Console.WriteLine($"  {ms / done:0.000} ms/page {Shorten(sql)}");
        }
    }

    private static string Shorten(string sql) => sql.ReplaceLineEndings(" ")[..Math.Min(100, sql.Length)];

    private sealed class Timing : DbCommandInterceptor
    {
        private readonly Dictionary<DbCommand, long> started = [];

        public Dictionary<string, (double Ms, int Count)> BySql { get; } = [];

        public TimeSpan Total { get; private set; }

        public int Commands { get; private set; }

        public void Reset()
        {
            BySql.Clear();
            Total = TimeSpan.Zero;
            Commands = 0;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            started[command] = Stopwatch.GetTimestamp();
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
        {
            if (started.Remove(command, out var at))
            {
                var took = Stopwatch.GetElapsedTime(at);
                Total += took;
                Commands++;
                var key = command.CommandText[..Math.Min(60, command.CommandText.Length)];
                var (ms, count) = BySql.GetValueOrDefault(key);
                BySql[key] = (ms + took.TotalMilliseconds, count + 1);
            }

            return base.DataReaderDisposing(command, eventData, result);
        }
    }
}
