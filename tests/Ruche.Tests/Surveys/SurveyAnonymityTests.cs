using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ruche.Core.Data;
using Ruche.Tests.Infrastructure;

namespace Ruche.Tests.Surveys;

/// <summary>
/// After people answered and the round was counted, every table the database catalogue lists is read, every row and
/// column: the only rows about the round that hold the respondents' ids say who answered and nothing else; the rows that
/// hold answers carry a random key, the round, the band and the value — no person, no time, no sequence; and no cell
/// anywhere holds a comment in clear. On both providers.
/// </summary>
public abstract class SurveyAnonymityTests(RucheApp app) : ProviderTests(app)
{
    private static readonly string[] Participation = ["BoxKind", "BoxId", "PersonId"];

    [Fact]
    public async Task No_row_of_any_table_links_a_person_to_an_answer()
    {
        var hr = await NewPersonAsync("HR", "Europe/Paris", "hr");
        var department = await App.DepartmentAsync("Anonymous");
        var people = await App.StaffAsync(department, 7, "Respondent");
        var survey = await hr.CreateSurveyAsync(cut: "department");
        var round = await hr.OpenSurveyAsync(survey);
        var view = await hr.SurveyAsync(survey);
        var markers = people.Select((_, i) => $"marker-{Guid.NewGuid():N}-{i}").ToList();
        for (var i = 0; i < people.Count; i++)
        {
            await people[i].AnswerAsync(view, 1 + (i % 5), markers[i]);
        }

        await hr.CloseRoundAsync(survey, round);
        Assert.Equal(7, (await hr.ResultsAsync(survey)).Rounds[0].Respondents);

        var ids = people.Select(p => p.Id).ToHashSet();
        var tables = await ReadEveryTableAsync();
        Assert.Contains(tables.Keys, t => t == "AspNetUsers");
        var failures = new List<string>();
        var answerTables = new List<string>();
        foreach (var (table, (columns, rows)) in tables)
        {
            foreach (var row in rows)
            {
                foreach (var (value, column) in row.Zip(columns))
                {
                    if (value is not null && markers.Any(m => value.Contains(m, StringComparison.Ordinal)))
                    {
                        failures.Add($"{table}.{column} holds a comment in clear");
                    }
                }
            }

            var roundColumns = columns.Select((c, i) => (c, i)).Where(x => x.c is "RoundId" or "BoxId").Select(x => x.i).ToList();
            var aboutRound = rows.Where(r => roundColumns.Any(i => r[i] == round.ToString(CultureInfo.InvariantCulture))).ToList();
            if (aboutRound.Count == 0)
            {
                continue;
            }

            // A column whose values, on this round's rows, include every respondent's id names people, whatever its name.
            var personColumns = columns.Where((_, i) => ids.All(id => aboutRound.Any(r => r[i] == id.ToString(CultureInfo.InvariantCulture)))).ToList();
            if (personColumns.Count > 0 && !columns.All(c => Participation.Contains(c)))
            {
                failures.Add($"{table} names the respondents ({string.Join(", ", personColumns)}) beside {string.Join(", ", columns.Except(Participation))}");
            }

            if (personColumns.Count == 0 && table.StartsWith("Survey", StringComparison.Ordinal))
            {
                answerTables.Add(table);
                failures.AddRange(columns.Where(Suspicious).Select(c => $"{table}.{c} looks like a person, a time or a sequence"));
                var key = columns.IndexOf("Id");
                failures.AddRange(aboutRound.Where(r => key < 0 || !Guid.TryParse(r[key], out _)).Select(_ => $"{table} has a row without a random key"));
            }

            if (table == "SealedBallots" || table == "SealedBallot")
            {
                failures.Add($"{table} still holds {aboutRound.Count} sealed ballots of a counted round");
            }
        }

        Assert.Empty(failures);
        Assert.Equal(["SurveyAnswers", "SurveyComments", "SurveyResponses"], answerTables.Select(Plural).Order());
        Assert.Equal(7, tables.Single(t => Plural(t.Key) == "SurveyResponses").Value.Rows.Count(r => r.Contains(round.ToString(CultureInfo.InvariantCulture))));
    }

    private static string Plural(string table) => table.EndsWith('s') ? table : table + "s";

    private static bool Suspicious(string column) =>
        column.Contains("person", StringComparison.OrdinalIgnoreCase) || column.Contains("user", StringComparison.OrdinalIgnoreCase)
        || column.Contains("time", StringComparison.OrdinalIgnoreCase) || column.Contains("date", StringComparison.OrdinalIgnoreCase)
        || column.EndsWith("At", StringComparison.Ordinal) || column.Contains("created", StringComparison.OrdinalIgnoreCase)
        || column.Contains("ip", StringComparison.Ordinal) || column.Contains("address", StringComparison.OrdinalIgnoreCase)
        || column.Contains("seq", StringComparison.OrdinalIgnoreCase) || column.Contains("order", StringComparison.OrdinalIgnoreCase);

    /// <summary>Every table the catalogue lists (not the EF model), with its columns and every row as text.</summary>
    private async Task<Dictionary<string, (List<string> Columns, List<string?[]> Rows)>> ReadEveryTableAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RucheDbContext>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        try
        {
            var tables = new List<string>();
            await using (var list = connection.CreateCommand())
            {
                list.CommandText = db.Database.IsNpgsql()
                    ? "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
                    : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
                await using var reader = await list.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    tables.Add(reader.GetString(0));
                }
            }

            var all = new Dictionary<string, (List<string>, List<string?[]>)>(StringComparer.Ordinal);
            foreach (var table in tables)
            {
                all[table] = await ReadAsync(connection, table);
            }

            return all;
        }
        finally
        {
            await connection.CloseAsync();
        }
    }

    private static async Task<(List<string>, List<string?[]>)> ReadAsync(DbConnection connection, string table)
    {
        await using var select = connection.CreateCommand();
        select.CommandText = $"SELECT * FROM \"{table}\"";
        await using var reader = await select.ExecuteReaderAsync();
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        var rows = new List<string?[]>();
        while (await reader.ReadAsync())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? null : reader.GetValue(i) switch
            {
                byte[] bytes => Encoding.UTF8.GetString(bytes),
                var value => Convert.ToString(value, CultureInfo.InvariantCulture),
            }).ToArray());
        }

        return (columns, rows);
    }
}

public sealed class SurveyAnonymityTestsOnSqlite(SqliteApp app) : SurveyAnonymityTests(app), IClassFixture<SqliteApp>;

public sealed class SurveyAnonymityTestsOnPostgres(PostgresApp app) : SurveyAnonymityTests(app), IClassFixture<PostgresApp>;
