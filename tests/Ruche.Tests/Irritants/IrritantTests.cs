using System.Data.Common;
using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.Irritants;
using Ruche.Core.WorkTime;
using Ruche.Tests.Infrastructure;
using Ruche.Tests.Notifications;

namespace Ruche.Tests.Irritants;

/// <summary>
/// Irritants through HTTP: an anonymous one keeps nothing of its reporter (proven from the rows themselves), "me too"
/// is counted from 3 and never listed to anyone, HR alone handles them, bad input changes nothing, and the trend and
/// the response target work across holidays.
/// </summary>
public abstract class IrritantTests(RucheApp app) : ProviderTests(app)
{
    [Fact]
    public async Task An_anonymous_irritant_stores_nothing_of_its_reporter_and_is_in_nobodys_export()
    {
        var reporter = await NewPersonAsync("Anonymous Reporter");
        var colleague = await NewPersonAsync("Colleague");
        var hr = await NewPersonAsync("HR", "Europe/Paris", RoleNames.HumanResources);
        var admin = await NewPersonAsync("Admin", "Europe/Paris", RoleNames.Administrator);
        var site = await App.NewSiteAsync("Usine");
        await reporter.GetAsync<JsonElement>("/api/v1/people/me");
        var audited = await CountAsync("AuditEntries", "ActorId", reporter.Id);
        var told = await CountAsync("Notifications", "RecipientId", reporter.Id);
        var before = await DatabaseDigest.TakeAsync(App);

        var id = await reporter.ReportIrritantAsync("La badgeuse du parking tombe en panne chaque lundi", site, anonymous: true);

        // Reporting wrote one row of one table: no audit entry, notification, search document or anything else.
        Assert.Equal(["Irritants"], DatabaseDigest.Changed(before, await DatabaseDigest.TakeAsync(App)));
        var row = await RowAsync("Irritants", id);
        Assert.Null(row["ReporterId"]);
        var filled = row.Where(c => c.Value is not null).Select(c => c.Key).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["Category", "Description", "DueOn", "Id", "MeTooCount", "ReportedOn", "SiteId", "Status"], filled);
        Assert.DoesNotContain(row.Values, v => v is DateTimeOffset || (v is DateTime d && d.TimeOfDay != TimeSpan.Zero) || (v is string text && text.Contains(':', StringComparison.Ordinal)));
        Assert.Equal(DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), DayText(row["ReportedOn"]));

        // Nobody reads who reported it, not even an administrator; the answer is public and tells nobody.
        foreach (var reader in new[] { colleague, hr, admin, reporter })
        {
            var card = await reader.IrritantAsync(id);
            Assert.Null(card.Reporter);
            Assert.False(card.IsMine);
        }

        await Actor.ExpectAsync(await hr.TryAnswerAsync(id, "acknowledged", hr.Id, "Un technicien passe lundi."), HttpStatusCode.NoContent);
        Assert.DoesNotContain(await reporter.NotificationsAsync(), n => n.SubjectKind == IrritantSubject.Kind);
        Assert.Equal(0, await CountAsync("Irritants", "ReporterId", reporter.Id));
        Assert.Equal(0, await CountAsync("IrritantMeToos", "PersonId", reporter.Id));
        Assert.Equal(audited, await CountAsync("AuditEntries", "ActorId", reporter.Id));
        Assert.Equal(told, await CountAsync("Notifications", "RecipientId", reporter.Id));

        var export = await ExportAsync(reporter);
        Assert.Empty(export.GetProperty("reported").EnumerateArray());
        Assert.DoesNotContain("badgeuse", export.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Me_too_is_counted_from_three_refused_twice_and_never_lists_who_even_to_an_administrator()
    {
        var reporter = await NewPersonAsync("Named Reporter");
        var admin = await NewPersonAsync("Admin", "Europe/Paris", RoleNames.Administrator);
        var hr = await NewPersonAsync("HR", "Europe/Paris", RoleNames.HumanResources);
        var others = new List<Actor>();
        for (var i = 0; i < 3; i++)
        {
            others.Add(await NewPersonAsync($"Metoo Person{i} Qx"));
        }

        var site = await App.NewSiteAsync("Siège");
        var id = await reporter.ReportIrritantAsync("Les salles de réunion sont toujours prises", site, category: "meetings");
        await reporter.TryMeTooAsync(id).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "irritant.own");
        await others[0].MeTooAsync(id);
        await others[0].TryMeTooAsync(id).ShouldBeProblemAsync(HttpStatusCode.Conflict, "irritant.already-me-too");
        await others[1].MeTooAsync(id);
        Assert.Null((await admin.IrritantAsync(id)).MeToo);
        Assert.True((await others[1].IrritantAsync(id)).SaidMeToo);
        var adminBrowser = await App.SignInWithBrowserCookiesAsync(admin);
        Assert.DoesNotContain("2 personnes", await adminBrowser.PageAsync($"/irritants/{id}"), StringComparison.Ordinal);

        await others[2].MeTooAsync(id);
        Assert.Equal(3, (await admin.IrritantAsync(id)).MeToo);
        Assert.Equal(reporter.Id, (await admin.IrritantAsync(id)).Reporter?.Id);
        await Actor.ExpectAsync(await hr.TryAnswerAsync(id, "in-progress", null, "Réservation en ligne dès mars."), HttpStatusCode.NoContent);
        foreach (var told in others.Append(reporter))
        {
            Assert.Contains(await told.NotificationsAsync(), n => n.Kind == IrritantNotifications.Answered.Name && n.SubjectId == id);
        }

        // Nothing an administrator or HR reads names those who said "me too".
        var texts = new List<string>();
        foreach (var reader in new[] { admin, hr })
        {
            texts.Add(await reader.Http.GetStringAsync($"/api/v1/irritants/{id}"));
            texts.Add(await reader.Http.GetStringAsync("/api/v1/irritants?pageSize=100"));
            texts.Add(await reader.Http.GetStringAsync("/api/v1/irritants/overdue"));
            texts.Add(await reader.Http.GetStringAsync("/api/v1/irritants/trend?by=site"));
            var browser = await App.SignInWithBrowserCookiesAsync(reader);
            foreach (var page in new[] { $"/irritants/{id}", "/irritants", "/irritants/overdue", "/irritants/trends", "/irritants?category=meetings" })
            {
                texts.Add(WebUtility.HtmlDecode(await browser.PageAsync(page)));
            }
        }

        foreach (var other in others)
        {
            Assert.DoesNotContain(texts, t => t.Contains(other.Name, StringComparison.Ordinal) || t.Contains(other.Handle, StringComparison.Ordinal));
        }

        Assert.Contains(texts, t => t.Contains("3 personnes concernées aussi", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Handling_is_refused_to_an_employee_and_changes_nothing_and_HR_answers_publicly()
    {
        var reporter = await NewPersonAsync("Reporter");
        var employee = await NewPersonAsync("Employee");
        var hr = await NewPersonAsync("HR", "Europe/Paris", RoleNames.HumanResources);
        var owner = await NewPersonAsync("Facility");
        var site = await App.NewSiteAsync("Entrepôt");
        var id = await reporter.ReportIrritantAsync("Le chauffage s'arrête à 16 h", site, category: "comfort");
        var browser = await App.SignInWithBrowserCookiesAsync(employee);
        var before = await DatabaseDigest.TakeAsync(App);

        await employee.TryAnswerAsync(id, "resolved", employee.Id, "C'est réglé").ShouldBeProblemAsync(HttpStatusCode.Forbidden, "irritant.hr-only");
        await employee.Http.GetAsync("/api/v1/irritants/overdue").ShouldBeProblemAsync(HttpStatusCode.Forbidden, "irritant.hr-only");
        await browser.PageAsync("/irritants/overdue", HttpStatusCode.Forbidden);
        Assert.Empty(DatabaseDigest.Changed(before, await DatabaseDigest.TakeAsync(App)));

        // Past its target without an answer: HR sees it in the list of irritants awaiting an answer.
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RucheDbContext>();
            await db.Set<Irritant>().Where(i => i.Id == id).ExecuteUpdateAsync(s => s.SetProperty(i => i.DueOn, DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).AddDays(-1)));
        }

        Assert.Contains(await hr.GetAsync<List<IrritantCard>>("/api/v1/irritants/overdue"), c => c.Id == id && c.Overdue);
        await Actor.ExpectAsync(await hr.TryAnswerAsync(id, "in-progress", owner.Id, "Réglage de la chaudière commandé."), HttpStatusCode.NoContent);
        var answered = await employee.IrritantAsync(id);
        Assert.Equal(("in-progress", owner.Id, "Réglage de la chaudière commandé."), (answered.Status, answered.Owner?.Id, answered.Response));
        Assert.False(answered.Overdue);
        Assert.DoesNotContain(await hr.GetAsync<List<IrritantCard>>("/api/v1/irritants/overdue"), c => c.Id == id);
        Assert.Contains(await reporter.NotificationsAsync(), n => n.Kind == IrritantNotifications.Answered.Name && n.SubjectId == id);
    }

    [Fact]
    public async Task Bad_input_is_refused_with_a_clear_problem_and_changes_nothing()
    {
        var reporter = await NewPersonAsync("Reporter");
        var hr = await NewPersonAsync("HR", "Europe/Paris", RoleNames.HumanResources);
        var site = await App.NewSiteAsync("Agence");
        var id = await reporter.ReportIrritantAsync("Imprimante en panne", site);
        var before = await DatabaseDigest.TakeAsync(App);

        await reporter.TryReportIrritantAsync(new { category = "weather", description = "Il pleut", siteId = site }).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "irritant.category-invalid");
        await reporter.TryReportIrritantAsync(new { description = "Sans catégorie", siteId = site }).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "irritant.category-required");
        await reporter.TryReportIrritantAsync(new { category = "it", description = " ", siteId = site }).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "irritant.description-required");
        await reporter.TryReportIrritantAsync(new { category = "it", description = new string('x', IrritantRules.DescriptionMaxLength + 1), siteId = site })
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "irritant.description-too-long");
        await reporter.TryReportIrritantAsync(new { category = "it", description = "Où ?" }).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "irritant.place-required");
        await reporter.TryReportIrritantAsync(new { category = "it", description = "Où ?", siteId = 999_999_999 }).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "irritant.site-invalid");
        await hr.TryAnswerAsync(id, "closed", null, "Fini").ShouldBeProblemAsync(HttpStatusCode.BadRequest, "irritant.status-invalid");
        await hr.TryAnswerAsync(id, "resolved", null, "  ").ShouldBeProblemAsync(HttpStatusCode.BadRequest, "irritant.response-required");
        await hr.TryAnswerAsync(id, "resolved", 999_999_999, "Fini").ShouldBeProblemAsync(HttpStatusCode.BadRequest, "irritant.owner-invalid");
        await hr.TryAnswerAsync(12345, "resolved", null, "Fini").ShouldBeProblemAsync(HttpStatusCode.NotFound, "irritant.not-found");
        await reporter.Http.GetAsync("/api/v1/irritants?category=weather").ShouldBeProblemAsync(HttpStatusCode.BadRequest, "irritant.category-invalid");
        await reporter.Http.GetAsync("/api/v1/irritants/trend?period=days").ShouldBeProblemAsync(HttpStatusCode.BadRequest, "irritant.period-invalid");

        Assert.Empty(DatabaseDigest.Changed(before, await DatabaseDigest.TakeAsync(App)));
        Assert.Equal("open", (await reporter.IrritantAsync(id)).Status);
    }

    [Fact]
    public async Task The_export_holds_named_irritants_and_me_toos_and_the_trend_counts_by_category_and_site()
    {
        var person = await NewPersonAsync("Exporter");
        var other = await NewPersonAsync("Other");
        var site = await App.NewSiteAsync("Trend");
        var named = await person.ReportIrritantAsync("Pas de micro-ondes", site, category: "catering");
        var theirs = await other.ReportIrritantAsync("Parking plein", site, category: "commute");
        await person.MeTooAsync(theirs);

        var export = await ExportAsync(person);
        Assert.Equal(named, Assert.Single(export.GetProperty("reported").EnumerateArray()).GetProperty("id").GetInt64());
        Assert.Equal(theirs, Assert.Single(export.GetProperty("meToo").EnumerateArray()).GetInt64());

        var trend = await person.GetAsync<IrritantTrend>("/api/v1/irritants/trend?by=site&period=weeks");
        var column = trend.Series.ToList().FindIndex(s => s.StartsWith("Trend", StringComparison.Ordinal));
        Assert.Equal(2, trend.Counts[^1][column]);
        var byCategory = await person.GetAsync<IrritantTrend>("/api/v1/irritants/trend");
        Assert.Equal(12, byCategory.Periods.Count);
        Assert.Contains("catering", byCategory.Series);
        var page = await (await App.SignInWithBrowserCookiesAsync(person)).PageAsync("/irritants/trends");
        Assert.Contains("data-chart=\"stacked\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_irritant_list_costs_the_same_commands_for_3_or_15_irritants()
    {
        var reader = await NewPersonAsync("Reader");
        var reporters = new List<Actor>();
        for (var i = 0; i < 3; i++)
        {
            reporters.Add(await NewPersonAsync($"Reporter {i}"));
        }

        var site = await App.NewSiteAsync("Compte");
        var browser = await App.SignInWithBrowserCookiesAsync(reader);
        async Task<(int Api, int Page)> MeasureAsync()
        {
            App.Commands.Reset();
            await reader.IrritantsAsync($"?site={site}");
            var api = App.Commands.Count;
            App.Commands.Reset();
            await browser.PageAsync("/irritants");
            return (api, App.Commands.Count);
        }

        for (var i = 0; i < 3; i++)
        {
            await reporters[i].ReportIrritantAsync($"Irritant {i}", site, anonymous: i == 0);
        }

        var few = await MeasureAsync();
        for (var i = 0; i < 12; i++)
        {
            var id = await reporters[i % 3].ReportIrritantAsync($"Autre {i}", site, anonymous: i % 4 == 0, category: IrritantCategories.All[i % IrritantCategories.All.Count]);
            await reporters[(i + 1) % 3].MeTooAsync(id);
        }

        var many = await MeasureAsync();
        Assert.Equal(few, many);
        Assert.InRange(many.Api, 1, 3);
        TestContext.Current.TestOutputHelper?.WriteLine($"{App.ProviderName}: irritant list {many.Api} SQL commands (API, authentication included), {many.Page} (page, layout included), for 3 or 15 irritants.");
    }

    [Fact]
    public void The_response_target_counts_working_days_across_public_holidays()
    {
        // Thursday 24 December 2026: Christmas and New Year's Day are French public holidays, weekends do not count.
        Assert.Equal(new DateOnly(2027, 1, 11), IrritantRules.AddWorkingDays(new DateOnly(2026, 12, 24), 10, "FR", Holidays.None));
        Assert.Equal(new DateOnly(2027, 1, 7), IrritantRules.AddWorkingDays(new DateOnly(2026, 12, 24), 10, "SG", Holidays.None));
    }

    private static string DayText(object? value) => value switch
    {
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    /// <summary>Every column of one row, as the database holds it (read through the catalogue of the table, not the model).</summary>
    private async Task<Dictionary<string, object?>> RowAsync(string table, long id)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RucheDbContext>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\" WHERE \"Id\" = {id.ToString(CultureInfo.InvariantCulture)}";
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return Enumerable.Range(0, reader.FieldCount).ToDictionary(i => reader.GetName(i), i => reader.IsDBNull(i) ? null : reader.GetValue(i));
    }

    private async Task<long> CountAsync(string table, string column, long personId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RucheDbContext>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using DbCommand command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM \"{table}\" WHERE \"{column}\" = {personId.ToString(CultureInfo.InvariantCulture)}";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static async Task<JsonElement> ExportAsync(Actor person)
    {
        var response = await person.Http.GetAsync("/api/v1/me/export");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync(), ZipArchiveMode.Read);
        using var reader = new StreamReader(zip.GetEntry("ruche-data.json")!.Open());
        using var data = JsonDocument.Parse(await reader.ReadToEndAsync());
        return data.RootElement.GetProperty("irritants").Clone();
    }
}

public sealed class IrritantTestsOnSqlite(SqliteApp app) : IrritantTests(app), IClassFixture<SqliteApp>;

public sealed class IrritantTestsOnPostgres(PostgresApp app) : IrritantTests(app), IClassFixture<PostgresApp>;
