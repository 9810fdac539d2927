using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.Feeds;
using Ruche.Core.People;
using Ruche.Core.Spaces;

namespace Ruche.Scale;

/// <summary>One SQL command as Ruche sent it: its text and parameter values.</summary>
internal sealed record CapturedCommand(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters);

/// <summary>
/// The raw-SQL floor: the exact commands Ruche issues for one home-feed page (captured from FeedService, the code the
/// API runs: the page query and the card queries), replayed without Ruche — through pgbench on PostgreSQL, through a
/// minimal ADO.NET loop on SQLite — with as many connections as the HTTP load used. One "transaction" is one page.
/// </summary>
internal static partial class SqlFloor
{
    private static readonly string[] PgbenchAtUsual = ["/usr/bin/pgbench"];

    public static async Task<IReadOnlyList<IReadOnlyList<CapturedCommand>>> CaptureHomePagesAsync(DbContextOptions<RucheDbContext> options, IReadOnlyList<long> viewers)
    {
        var pages = new List<IReadOnlyList<CapturedCommand>>();
        foreach (var id in viewers)
        {
            var capture = new Capture();
            var builder = new DbContextOptionsBuilder<RucheDbContext>(options);
            builder.AddInterceptors(capture);
            await using var db = new RucheDbContext(builder.Options);
            var feeds = Feeds(db);
            await feeds.HomeAsync(new Viewer(id, new HashSet<string> { RoleNames.Employee }), null, 20, CancellationToken.None);
            pages.Add(capture.Commands);
        }

        return pages;
    }

    /// <summary>
    /// The write-time alternative at the SQL level: a per-person feed table ("BenchHomeFeed", the newest 800 entries of
    /// each sampled person, as Mastodon keeps) filled from Ruche's own home query, and the same page read from it — the
    /// page query joins the feed table instead of evaluating the follow/membership/tag conditions; the card queries are
    /// unchanged. What the fan-out on write costs is <see cref="FanOutCost"/>'s measure.
    /// </summary>
    public static async Task<IReadOnlyList<IReadOnlyList<CapturedCommand>>> PrecomputedPagesAsync(DbConnection connection, IReadOnlyList<IReadOnlyList<CapturedCommand>> pages, bool postgres)
    {
        await connection.OpenAsync();
        await ExecuteAsync(connection, FeedTableDdl(postgres));
        var result = new List<IReadOnlyList<CapturedCommand>>();
        foreach (var page in pages)
        {
            var query = page[0];
            var me = query.Parameters.First(p => p.Name.TrimStart('@') == "me").Value!;
            var limit = query.Parameters.First(p => p.Name.TrimStart('@') == "p").Name;
            await using (var fill = connection.CreateCommand())
            {
                fill.CommandText = postgres
                    ? $"INSERT INTO \"BenchHomeFeed\" SELECT DISTINCT {me}, \"FeedPostId\" FROM ({query.Sql}) AS feed(\"FeedPostId\") ON CONFLICT DO NOTHING"
                    : $"INSERT OR IGNORE INTO \"BenchHomeFeed\" SELECT DISTINCT {me}, \"Id\" FROM ({query.Sql}) AS feed";
                foreach (var (name, value) in query.Parameters)
                {
                    var parameter = fill.CreateParameter();
                    parameter.ParameterName = name;
                    parameter.Value = name == limit ? 800 : value ?? DBNull.Value;
                    fill.Parameters.Add(parameter);
                }

                await fill.ExecuteNonQueryAsync();
            }

            // EF quotes table aliases on SQLite ("p") and not on PostgreSQL (p).
            var q = postgres ? string.Empty : "\"";
            var orderBy = $"ORDER BY {q}p{q}.\"CreatedAt\" DESC, {q}p{q}.\"Id\" DESC";
            var from = query.Sql.IndexOf($"FROM \"Posts\" AS {q}p{q}", StringComparison.Ordinal);
            var order = query.Sql.IndexOf(orderBy, StringComparison.Ordinal);
            if (from < 0 || order < 0)
            {
                throw new InvalidOperationException("The home query no longer has the expected shape:\n" + query.Sql);
            }

            var read = query.Sql[..from]
                + $"FROM \"BenchHomeFeed\" AS f INNER JOIN \"Posts\" AS {q}p{q} ON {q}p{q}.\"Id\" = f.\"PostId\" LEFT JOIN \"Spaces\" AS {q}s{q} ON {q}p{q}.\"SpaceId\" = {q}s{q}.\"Id\" WHERE f.\"PersonId\" = @me "
                + orderBy + query.Sql[(order + orderBy.Length)..];
            // Whatever parameters the kept parts still use (the viewer, the page size, the clock of status badges…).
            var used = query.Parameters.Where(p => Regex.IsMatch(read, Regex.Escape("@" + p.Name.TrimStart('@')) + @"\b")).ToList();
            result.Add([new CapturedCommand(read, used), .. page.Skip(1)]);
        }

        await ExecuteAsync(connection, "ANALYZE \"BenchHomeFeed\"");
        await connection.CloseAsync();
        return result;
    }

    /// <summary>The per-person feed table: one row per (person, post), newest first by its primary key.</summary>
    public static string FeedTableDdl(bool postgres) => postgres
        ? "CREATE TABLE IF NOT EXISTS \"BenchHomeFeed\" (\"PersonId\" bigint NOT NULL, \"PostId\" bigint NOT NULL, PRIMARY KEY (\"PersonId\", \"PostId\"))"
        : "CREATE TABLE IF NOT EXISTS \"BenchHomeFeed\" (\"PersonId\" INTEGER NOT NULL, \"PostId\" INTEGER NOT NULL, PRIMARY KEY (\"PersonId\", \"PostId\")) WITHOUT ROWID";

    private static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>FeedService.HomeAsync in this process, one page after another on one thread: pages per second (no HTTP, no auth).</summary>
    public static async Task<double> InProcessPagesPerSecondAsync(DbContextOptions<RucheDbContext> options, IReadOnlyList<long> viewers, TimeSpan duration)
    {
        // Pooled contexts, as the app registers them.
        var factory = new PooledDbContextFactory<RucheDbContext>(
            new DbContextOptionsBuilder<RucheDbContext>(options).UseApplicationServiceProvider(RucheDbContext.IdentitySchema).Options);
        var clock = Stopwatch.StartNew();
        var pages = 0;
        while (clock.Elapsed < duration)
        {
            await using var db = await factory.CreateDbContextAsync();
            var feeds = Feeds(db);
            await feeds.HomeAsync(new Viewer(viewers[pages % viewers.Count], new HashSet<string> { RoleNames.Employee }), null, 20, CancellationToken.None);
            pages++;
        }

        return pages / clock.Elapsed.TotalSeconds;
    }

    /// <summary>pgbench with one script file per captured page (chosen at random per transaction); pages per second.</summary>
    public static async Task<double> PgbenchAsync(string connectionString, IReadOnlyList<IReadOnlyList<CapturedCommand>> pages, int clients, TimeSpan duration, string folder)
    {
        Directory.CreateDirectory(folder);
        // Prepared statements, as Ruche's connections prepare theirs (PostgresDatabaseProvider.WithPreparation).
        var arguments = new List<string> { "-n", "-M", "prepared", "-c", clients.ToString(CultureInfo.InvariantCulture), "-j", Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture), "-T", ((int)duration.TotalSeconds).ToString(CultureInfo.InvariantCulture) };
        for (var i = 0; i < pages.Count; i++)
        {
            var file = Path.Combine(folder, $"home-{i}.sql");
            await File.WriteAllTextAsync(file, string.Join("\n", pages[i].Select(c => Inline(c).ReplaceLineEndings(" ") + ";")) + "\n");
            arguments.Add("-f");
            arguments.Add(file);
        }

        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        arguments.AddRange(["-h", settings.Host!, "-p", settings.Port.ToString(CultureInfo.InvariantCulture), "-U", settings.Username!, settings.Database!]);
        var start = new ProcessStartInfo(PgbenchPath()) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PGPASSWORD"] = settings.Password ?? string.Empty;
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var match = Tps().Match(output);
        if (!match.Success)
        {
            throw new InvalidOperationException("pgbench failed:\n" + output + errors);
        }

        return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>The same commands through Microsoft.Data.Sqlite alone, one connection per worker, rows read and dropped.</summary>
    public static async Task<double> SqliteLoopAsync(string connectionString, IReadOnlyList<IReadOnlyList<CapturedCommand>> pages, int workers, TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        var done = 0L;
        await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync();
            var random = new Random(w);
            while (clock.Elapsed < duration)
            {
                foreach (var captured in pages[random.Next(pages.Count)])
                {
                    await using var command = connection.CreateCommand();
                    command.CommandText = captured.Sql;
                    foreach (var (name, value) in captured.Parameters)
                    {
                        command.Parameters.AddWithValue(name, value ?? DBNull.Value);
                    }

                    await using var reader = await command.ExecuteReaderAsync();
                    while (await reader.ReadAsync())
                    {
                    }
                }

                Interlocked.Increment(ref done);
            }
        })));
        return done / clock.Elapsed.TotalSeconds;
    }

    private static string PgbenchPath() =>
        PgbenchAtUsual.Concat(Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin", "pgbench")) : [])
            .FirstOrDefault(File.Exists) ?? "pgbench";

    /// <summary>The command with its parameters written as literals (pgbench takes plain SQL).</summary>
    private static string Inline(CapturedCommand command)
    {
        var sql = command.Sql;
        foreach (var (name, value) in command.Parameters.OrderByDescending(p => p.Name.Length))
        {
            var placeholder = name.StartsWith('@') || name.StartsWith('$') ? name : "@" + name;
            sql = Regex.Replace(sql, Regex.Escape(placeholder) + @"\b", Literal(value).Replace("$", "$$", StringComparison.Ordinal));
        }

        return sql;
    }

    private static string Literal(object? value) => value switch
    {
        null or DBNull => "NULL",
        string text => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'",
        bool flag => flag ? "TRUE" : "FALSE",
        DateTime instant => $"'{instant:yyyy-MM-dd HH:mm:ss.ffffff}+00'::timestamptz",
        IEnumerable<long> ids => $"ARRAY[{string.Join(',', ids)}]::bigint[]",
        IEnumerable<int> ids => $"ARRAY[{string.Join(',', ids)}]::integer[]",
        IEnumerable<string> texts => $"ARRAY[{string.Join(',', texts.Select(t => "'" + t.Replace("'", "''", StringComparison.Ordinal) + "'"))}]::text[]",
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => throw new NotSupportedException($"No literal for {value.GetType().Name}."),
    };

    [GeneratedRegex(@"tps = ([0-9.]+) \(without initial connection time\)")]
    private static partial Regex Tps();

    private sealed class Capture : DbCommandInterceptor
    {
        public List<CapturedCommand> Commands { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Commands.Add(new CapturedCommand(command.CommandText, command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value)).ToList()));
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }

    /// <summary>A live channel nobody listens to: the floor measures a read.</summary>
    private sealed class NoLive : Core.Live.ILiveChannel
    {
        public TClient Company<TClient>()
            where TClient : class => throw new NotSupportedException("The floor publishes nothing.");

        public TClient People<TClient>(IReadOnlyCollection<long> personIds)
            where TClient : class => throw new NotSupportedException("The floor publishes nothing.");
    }

    /// <summary>The feed service as the app builds it, on one context.</summary>
    private static FeedService Feeds(RucheDbContext db)
    {
        var notifier = new Core.Notifications.Notifier(db, new Data.Sqlite.SqliteDatabaseProvider(), new Core.Subjects.SubjectKinds([]), new NoLive(), TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<Core.Notifications.Notifier>.Instance);
        var goalLists = new Core.Goals.GoalListLoader(db, TimeProvider.System);
        var ballots = new Core.Ballots.BallotBox(db, new Data.Sqlite.SqliteDatabaseProvider(), new Core.Sealing.Sealer(Core.Sealing.SealingKey.Random()), [new Core.Polls.PollCounter()], Microsoft.Extensions.Logging.Abstractions.NullLogger<Core.Ballots.BallotBox>.Instance);
        var polls = new Core.Polls.PollReader(db, new Core.Polls.PollClosing(db, ballots, notifier, new Core.Polls.PollsLive(db, new NoLive(), Microsoft.Extensions.Logging.Abstractions.NullLogger<Core.Polls.PollsLive>.Instance), TimeProvider.System), TimeProvider.System);
        var loader = new PostCardLoader(db, goalLists, polls, TimeProvider.System);
        return new FeedService(db, loader, goalLists, new SpaceService(db, notifier, TimeProvider.System), TimeProvider.System);
    }
}
