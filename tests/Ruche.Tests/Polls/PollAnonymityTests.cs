using System.Data.Common;
using System.Globalization;
using System.IO.Compression;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Ruche.Core.Data;
using Ruche.Tests.Infrastructure;
using Ruche.Tests.Notifications;

namespace Ruche.Tests.Polls;

/// <summary>
/// The anonymity proof of anonymous polls, read from the database's own catalogue (sqlite_master and table_info;
/// information_schema on PostgreSQL), so a table or column added tomorrow is read too. After people vote, every row of
/// every table is read and compared with what was there before: voting wrote only participation rows (person, no
/// choice), counted receipts and sealed ballots (no person), and counters; no row it wrote holds a time or comes from a
/// sequence; no row anywhere holds both a voter and a choice; no vote row exists at all. Their export, the
/// notifications and the logs written while they voted hold no choice either.
/// </summary>
public abstract partial class PollAnonymityTests(RucheApp app, LogCapture logs) : ProviderTests(app)
{
    private static readonly string[] Labels = ["Zèbre-Alpha", "Girafe-Bravo", "Okapi-Charlie"];

    /// <summary>Which options each voter picks (indexes into <see cref="Labels"/>): seven voters, one batch of five and two left.</summary>
    private static readonly int[][] Choices = [[0], [1, 2], [0, 2], [2], [0], [1], [0, 1, 2], [2], [0, 1], [1]];

    /// <summary>Tables voting may add rows to, and the counters it may change (nothing else).</summary>
    private static readonly string[] WrittenByVoting = ["BallotParticipation", "CountedReceipt", "SealedBallot"];

    private static readonly Dictionary<string, string> CountersByTable = new(StringComparer.Ordinal) { ["Poll"] = "CountedBallots", ["PollOption"] = "Tally" };

    [Fact]
    public async Task No_row_log_export_or_notification_links_a_voter_to_their_choice()
    {
        var author = await NewPersonAsync("Author");
        var voters = new List<Actor>();
        foreach (var i in Enumerable.Range(0, Choices.Length))
        {
            voters.Add(await NewPersonAsync($"Voter{i}"));
        }

        var poll = await author.PostPollAsync(Labels, multiple: true, anonymous: true);
        var optionIds = poll.Options.Select(o => o.Id).ToArray();
        foreach (var voter in voters)
        {
            await voter.PollAsync(poll.Id);
        }

        var before = await DumpAsync();
        logs.Clear();
        var receipts = new List<string>();
        for (var i = 0; i < voters.Count; i++)
        {
            receipts.Add((await voters[i].VoteAsync(poll, Choices[i].Select(c => Labels[c]).ToArray())).Receipt!);
        }

        var during = logs.Entries;
        var after = await DumpAsync();
        var voterIds = voters.Select(v => v.Id.ToString(CultureInfo.InvariantCulture)).ToHashSet();
        var written = Written(before, after);

        // What voting wrote: new participation, receipt and sealed-ballot rows, and the two counters. Nothing else.
        Assert.All(written.Where(w => w.IsNew), w => Assert.Contains(w.Table.Name, WrittenByVoting));
        Assert.All(written.Where(w => !w.IsNew), w => Assert.Equal([CountersByTable.GetValueOrDefault(w.Table.Name, "?")], w.Columns));
        Assert.Equal(voters.Count, written.Count(w => w.IsNew && w.Table.Name == "BallotParticipation"));
        Assert.Equal(5, written.Count(w => w.IsNew && w.Table.Name == "CountedReceipt"));
        Assert.Contains(written, w => w.Table.Name == "PollOption");

        // No time, no sequence: nothing written carries a moment, and no table written to numbers its rows.
        Assert.All(written, w => Assert.All(w.Columns, c => Assert.False(IsTime(w.Row[Array.IndexOf(w.Table.Columns, c)]), $"{w.Table.Name}.{c} holds a time")));
        Assert.All(written.Where(w => w.IsNew), w => Assert.False(w.Table.HasSequence, $"{w.Table.Name} numbers its rows"));

        // The only rows written that name a voter are participation rows, and those hold the box and the person only.
        var naming = written.Where(w => NamesAnyOf(w.Table, w.Row, voterIds)).ToList();
        Assert.Equal(voters.Count, naming.Count);
        Assert.All(naming, w => Assert.Equal("BallotParticipation", w.Table.Name));
        Assert.Equal(["BoxId", "BoxKind", "PersonId"], after["BallotParticipation"].Columns.Order(StringComparer.Ordinal));

        // Logs written while they voted name no option, and no entry carries both a voter and an option.
        Assert.NotEmpty(during);
        Assert.All(during, log => Assert.DoesNotContain(Labels, label => log.Text.Contains(label, StringComparison.Ordinal)));
        var ballots = Choices.Where(c => c.Length > 1).Select(c => string.Join(',', c.Select(i => optionIds[i]).Order())).ToList();
        Assert.All(during, log => Assert.DoesNotContain(ballots, ballot => log.Text.Contains(ballot, StringComparison.Ordinal)));
        Assert.DoesNotContain(during, log =>
            log.Values.Any(v => IsPersonColumn(v.Key) && voterIds.Contains(v.Value))
            && log.Values.Any(v => (IsChoiceColumn(v.Key) || v.Key.Contains("ballot", StringComparison.OrdinalIgnoreCase)) && optionIds.Any(o => v.Value.Contains(o.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal))));

        var closed = await author.CloseAsync(poll.Id);
        Assert.Equal((10, 10, 0), (closed.Participants, closed.CountedBallots, closed.WaitingBallots));
        Assert.Equal(Enumerable.Range(0, Labels.Length).Select(i => Choices.Count(c => c.Contains(i))), closed.Options.Select(o => o.Count!.Value));
        foreach (var (voter, receipt) in voters.Zip(receipts))
        {
            Assert.Equal("counted", await voter.ReceiptStateAsync(poll.Id, receipt));
        }

        // Across the whole database, once closed: no vote row, and no row naming a voter holds a choice.
        var final = await DumpAsync();
        Assert.Empty(final["PollVote"].Rows);
        Assert.Empty(final["SealedBallot"].Rows);
        foreach (var table in final.Values)
        {
            foreach (var row in table.Rows.Where(r => NamesAnyOf(table, r, voterIds)))
            {
                for (var c = 0; c < table.Columns.Length; c++)
                {
                    var text = Text(row[c]);
                    Assert.DoesNotContain(Labels, label => text.Contains(label, StringComparison.Ordinal));
                    Assert.False(IsChoiceColumn(table.Columns[c]) && optionIds.Any(o => text == o.ToString(CultureInfo.InvariantCulture)), $"{table.Name}.{table.Columns[c]} names a choice beside a voter");
                }
            }
        }

        foreach (var voter in voters)
        {
            var export = await ExportAsync(voter);
            Assert.Contains($"\"pollId\":{poll.Id}", export, StringComparison.Ordinal);
            Assert.DoesNotContain(Labels, label => export.Contains(label, StringComparison.Ordinal));
            // No field about options or choices holds anything (another feature's empty section may bear the word).
            Assert.DoesNotMatch("""(?i)"[^"]*(option|choice)[^"]*"\s*:\s*(?!\[\]|null|\{\})""", export);
            Assert.DoesNotMatch("""(?i):\s*"[^"]*(option|choice)""", export);
            var notifications = await (await voter.Http.GetAsync("/api/v1/notifications?pageSize=100")).Content.ReadAsStringAsync();
            Assert.DoesNotContain(Labels, label => notifications.Contains(label, StringComparison.Ordinal));
        }

        var authorNotifications = await (await author.Http.GetAsync("/api/v1/notifications?pageSize=100")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(Labels, label => authorNotifications.Contains(label, StringComparison.Ordinal));
        Assert.DoesNotContain(voters, v => authorNotifications.Contains(v.Name, StringComparison.Ordinal));
        Assert.Empty(await voters[0].NotificationsAsync());
    }

    private static async Task<string> ExportAsync(Actor person)
    {
        var response = await person.Http.GetAsync("/api/v1/me/export");
        await Actor.ExpectAsync(response, System.Net.HttpStatusCode.OK);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync(), ZipArchiveMode.Read);
        using var reader = new StreamReader(zip.GetEntry("ruche-data.json")!.Open());
        return Regex.Replace(await reader.ReadToEndAsync(), @"\s", string.Empty);
    }

    private static bool NamesAnyOf(TableDump table, object?[] row, HashSet<string> people) =>
        table.Columns.Select((column, i) => (column, i)).Any(c => IsPersonColumn(c.column) && people.Contains(Text(row[c.i])));

    private static bool IsPersonColumn(string column) =>
        new[] { "person", "user", "viewer", "author", "actor", "recipient", "owner", "voter", "member", "follower", "followee", "organizer", "reporter" }
            .Any(word => column.Contains(word, StringComparison.OrdinalIgnoreCase));

    private static bool IsChoiceColumn(string column) =>
        column.Contains("option", StringComparison.OrdinalIgnoreCase) || column.Contains("choice", StringComparison.OrdinalIgnoreCase);

    private static bool IsTime(object? value) =>
        value is DateTime or DateTimeOffset || (value is string text && TimeText().IsMatch(text));

    private static string Text(object? value) => value switch
    {
        null or DBNull => string.Empty,
        byte[] bytes => Convert.ToHexString(bytes),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    /// <summary>Rows added (every column) or changed (the columns that changed) between two dumps; deleted rows are left out.</summary>
    private static List<WrittenRow> Written(Dictionary<string, TableDump> before, Dictionary<string, TableDump> after)
    {
        var written = new List<WrittenRow>();
        foreach (var table in after.Values)
        {
            var old = before.TryGetValue(table.Name, out var earlier) ? earlier.Rows.ToDictionary(r => table.KeyOf(r)) : [];
            foreach (var row in table.Rows)
            {
                if (!old.TryGetValue(table.KeyOf(row), out var previous))
                {
                    written.Add(new WrittenRow(table, row, true, table.Columns));
                    continue;
                }

                var changed = table.Columns.Where((_, i) => Text(previous[i]) != Text(row[i])).ToArray();
                if (changed.Length > 0)
                {
                    written.Add(new WrittenRow(table, row, false, changed));
                }
            }
        }

        return written;
    }

    /// <summary>Every table and every row, as the database's catalogue lists them.</summary>
    private async Task<Dictionary<string, TableDump>> DumpAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RucheDbContext>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var sqlite = db.Database.ProviderName!.Contains("Sqlite", StringComparison.Ordinal);
        var tables = new Dictionary<string, TableDump>(StringComparer.Ordinal);
        var names = sqlite
            ? await ListAsync(connection, "SELECT name, sql FROM sqlite_master WHERE type = 'table'", r => (r.GetString(0), r.IsDBNull(1) ? string.Empty : r.GetString(1)))
            : await ListAsync(connection, "SELECT table_name, '' FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'", r => (r.GetString(0), r.GetString(1)));
        foreach (var (name, sql) in names)
        {
            string[] columns;
            string[] key;
            bool sequence;
            if (sqlite)
            {
                var info = await ListAsync(connection, $"SELECT name, pk FROM pragma_table_info('{name}')", r => (Name: r.GetString(0), Pk: r.GetInt32(1)));
                columns = info.Select(c => c.Name).ToArray();
                key = info.Where(c => c.Pk > 0).OrderBy(c => c.Pk).Select(c => c.Name).ToArray();
                sequence = sql.Contains("AUTOINCREMENT", StringComparison.OrdinalIgnoreCase);
            }
            else
            {
                var info = await ListAsync(
                    connection,
                    $"SELECT column_name, is_identity, COALESCE(column_default, '') FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = '{name}' ORDER BY ordinal_position",
                    r => (Name: r.GetString(0), Identity: r.GetString(1) == "YES" || r.GetString(2).StartsWith("nextval", StringComparison.Ordinal)));
                columns = info.Select(c => c.Name).ToArray();
                sequence = info.Any(c => c.Identity);
                key = (await ListAsync(
                    connection,
                    $"""
                    SELECT k.column_name FROM information_schema.table_constraints t
                    JOIN information_schema.key_column_usage k ON k.constraint_name = t.constraint_name AND k.table_schema = t.table_schema
                    WHERE t.table_schema = current_schema() AND t.table_name = '{name}' AND t.constraint_type = 'PRIMARY KEY' ORDER BY k.ordinal_position
                    """,
                    r => r.GetString(0))).ToArray();
            }

            var rows = await ListAsync(connection, $"SELECT * FROM \"{name}\"", r =>
            {
                var values = new object?[r.FieldCount];
                r.GetValues(values!);
                return values;
            });
            tables[name] = new TableDump(name, columns, key.Select(k => Array.IndexOf(columns, k)).ToArray(), sequence, rows);
        }

        return tables;
    }

    private static async Task<List<T>> ListAsync<T>(DbConnection connection, string sql, Func<DbDataReader, T> read)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var list = new List<T>();
        while (await reader.ReadAsync())
        {
            list.Add(read(reader));
        }

        return list;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}")]
    private static partial Regex TimeText();

    private sealed record TableDump(string Name, string[] Columns, int[] Key, bool HasSequence, List<object?[]> Rows)
    {
        public string KeyOf(object?[] row) =>
            string.Join('\u001f', (Key.Length == 0 ? Enumerable.Range(0, Columns.Length) : Key).Select(i => Text(row[i])));
    }

    private sealed record WrittenRow(TableDump Table, object?[] Row, bool IsNew, string[] Columns);
}

/// <summary>The app with every log entry captured, at every level.</summary>
public static class CapturingLogs
{
    public static void Use(IWebHostBuilder builder, LogCapture logs) =>
        builder.ConfigureLogging(logging =>
        {
            logging.AddProvider(logs);
            logging.AddFilter<LogCapture>(null, LogLevel.Trace);
        });
}

public sealed class LoggedSqliteApp : SqliteApp
{
    public LogCapture Logs { get; } = new();

    protected override void ConfigureNode(IWebHostBuilder builder) => CapturingLogs.Use(builder, Logs);
}

public sealed class LoggedPostgresApp : PostgresApp
{
    public LogCapture Logs { get; } = new();

    protected override void ConfigureNode(IWebHostBuilder builder) => CapturingLogs.Use(builder, Logs);
}

public sealed class PollAnonymityTestsOnSqlite(LoggedSqliteApp app) : PollAnonymityTests(app, app.Logs), IClassFixture<LoggedSqliteApp>;

public sealed class PollAnonymityTestsOnPostgres(LoggedPostgresApp app) : PollAnonymityTests(app, app.Logs), IClassFixture<LoggedPostgresApp>;
