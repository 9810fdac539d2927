using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Ruche.Core.Common;
using Ruche.Core.Home;
using Ruche.Core.Spaces;
using Ruche.Tests.Infrastructure;

namespace Ruche.Tests.Onboarding;

/// <summary>The context column: what it lists follows each feature's read rule, in a fixed number of SQL commands.</summary>
public abstract class ContextColumnTests(RucheApp app) : ProviderTests(app)
{
    /// <summary>A page's HTML with its character references decoded, to look for French text.</summary>
    private static async Task<string> PageTextAsync(HttpClient browser, string url, HttpStatusCode expected = HttpStatusCode.OK) =>
        WebUtility.HtmlDecode(await browser.PageAsync(url, expected));

    [Fact]
    public async Task It_lists_my_teams_goals_and_whereabouts_and_only_events_and_spaces_I_may_read()
    {
        var lead = await NewPersonAsync("Lead");
        var reader = await NewPersonAsync("Lecteur");
        var team = await lead.CreateSpaceAsync("Équipe " + Suffix(), SpaceVisibility.Private, SpaceKind.Team);
        await lead.AddToSpaceAsync(team, reader);
        await Actor.ExpectAsync(await lead.Http.PostAsJsonAsync("/api/v1/goals", new { goals = new[] { new { text = "Relire" }, new { text = "Livrer" } } }, Actor.Json), HttpStatusCode.Created);
        await Actor.ExpectAsync(await lead.Http.PutAsJsonAsync("/api/v1/presence", new { mode = "office" }, Actor.Json), HttpStatusCode.OK);

        var outsider = await NewPersonAsync("Autre");
        var hidden = await outsider.CreateSpaceAsync("Caché " + Suffix(), SpaceVisibility.Private, SpaceKind.Project);
        var open = await outsider.CreateSpaceAsync("Ouvert " + Suffix(), SpaceVisibility.Open, SpaceKind.Interest);
        var hiddenEvent = await CreateEventAsync(outsider, hidden, "Réunion cachée");
        var publicEvent = await CreateEventAsync(outsider, open, "Réunion publique");

        var browser = await App.SignInWithBrowserCookiesAsync(reader);
        var page = await PageTextAsync(browser, "/");
        Assert.Contains("data-context-column", page, StringComparison.Ordinal);
        Assert.Contains($"data-context-goals=\"{lead.Id}\"", page, StringComparison.Ordinal);
        // What the lead works on, never how much of it is done (no tally).
        Assert.Contains("Relire (+1)", System.Net.WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.DoesNotContain("sur 2", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/spaces/{team.Id}/goals\"", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/spaces/{team.Id}/team\"", page, StringComparison.Ordinal);
        Assert.Contains($"data-context-event=\"{publicEvent}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-context-event=\"{hiddenEvent}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Réunion cachée", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-context-space=\"{hidden.Id}\"", page, StringComparison.Ordinal);

        var column = await ColumnAsync(reader);
        Assert.Equal(1, column.Team!.Count(WhereToday.Office));
        Assert.Contains(column.Events, e => e.Id == publicEvent);
        Assert.DoesNotContain(column.Events, e => e.Id == hiddenEvent);
        Assert.DoesNotContain(column.Spaces, s => s.Id == hidden.Id || s.Id == team.Id);

        // The outsider reads neither the team's goals nor its members: the team is not theirs, so no team part at all.
        Assert.Null((await ColumnAsync(outsider)).Team);
        Assert.Contains((await ColumnAsync(outsider)).Events, e => e.Id == hiddenEvent);
    }

    [Fact]
    public async Task It_reads_in_a_fixed_number_of_sql_commands_whatever_the_team_size()
    {
        var lead = await NewPersonAsync("Lead");
        var team = await lead.CreateSpaceAsync("Équipe " + Suffix(), SpaceVisibility.Private, SpaceKind.Team);
        await Actor.ExpectAsync(await lead.Http.PostAsJsonAsync("/api/v1/goals", new { goals = new[] { new { text = "Un" } } }, Actor.Json), HttpStatusCode.Created);

        App.Commands.Reset();
        var small = await ColumnAsync(lead);
        var few = App.Commands.Count;
        Assert.Single(small.Team!.Members);

        for (var i = 0; i < 6; i++)
        {
            var mate = await NewPersonAsync("Équipier");
            await lead.AddToSpaceAsync(team, mate);
            await Actor.ExpectAsync(await mate.Http.PostAsJsonAsync("/api/v1/goals", new { goals = new[] { new { text = "Deux" } } }, Actor.Json), HttpStatusCode.Created);
            await CreateEventAsync(mate, team, "Point " + i);
        }

        App.Commands.Reset();
        var large = await ColumnAsync(lead);
        Assert.Equal(few, App.Commands.Count);
        Assert.Equal(7, large.Team!.WithGoals.Count());
        Assert.Equal(ContextColumnService.EventsShown, large.Events.Count);
        Assert.True(few <= 5, $"The context column took {few} SQL commands.");
        TestContext.Current.TestOutputHelper?.WriteLine($"SQL commands: context column {few} for a team of 1 or 7");
    }

    private async Task<ContextView> ColumnAsync(Actor person)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ContextColumnService>().ForAsync(new Viewer(person.Id, new HashSet<string>()), CancellationToken.None);
    }

    private static async Task<long> CreateEventAsync(Actor organizer, SpaceSummary space, string title)
    {
        var day = TimeProvider.System.GetUtcNow().UtcDateTime.Date.AddDays(2);
        var start = day.AddHours(10).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
        var end = day.AddHours(11).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
        var created = await Actor.ReadAsync<Core.Events.EventView>(
            await organizer.Http.PostAsJsonAsync("/api/v1/events", new { spaceId = space.Id, title, start, end, timeZone = "Europe/Paris", repeat = "none" }, Actor.Json),
            HttpStatusCode.Created);
        return created.Id;
    }

    private static string Suffix() => Guid.NewGuid().ToString("N")[..6];
}

public sealed class ContextColumnTestsOnSqlite(SqliteApp app) : ContextColumnTests(app), IClassFixture<SqliteApp>;

public sealed class ContextColumnTestsOnPostgres(PostgresApp app) : ContextColumnTests(app), IClassFixture<PostgresApp>;
