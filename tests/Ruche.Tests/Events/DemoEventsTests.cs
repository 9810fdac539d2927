using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ruche.Core.Access;
using Ruche.Core.Data;
using Ruche.Core.Events;
using Ruche.Core.Presence;
using Ruche.Tests.Infrastructure;

namespace Ruche.Tests.Events;

/// <summary>The demo company has recurring team meetings across its three sites and working-from statuses for today.</summary>
public abstract class DemoEventsTests(RucheApp app) : ProviderTests(app)
{
    [Fact]
    public async Task A_demo_person_finds_their_teams_meetings_and_colleagues_statuses()
    {
        App.RequireAvailable();
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RucheDbContext>();
        var person = await db.People.SingleAsync(p => p.Handle == "weiling.tan");
        var token = await scope.ServiceProvider.GetRequiredService<AccessTokenService>().IssueSignInTokenAsync(person.Id, CancellationToken.None);
        var http = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        http.DefaultRequestHeaders.Authorization = new("Bearer", token.Token);
        var me = new Actor(App, person.Id, person.Handle, person.Email!, person.DisplayName, http);

        var events = await me.GetAsync<IReadOnlyList<EventSummary>>("/api/v1/events?days=45");
        Assert.Contains(events, e => e.Title.StartsWith("Objectifs du mois", StringComparison.Ordinal) && e.Repeat == EventRepeat.MonthlyByWeekday);
        Assert.Contains(events, e => e.Title == "Point hebdo Atlas" && e.TimeZone == "America/Montreal");
        Assert.Equal(["America/Montreal", "Asia/Singapore", "Europe/Paris"], await db.Events.Select(e => e.TimeZone).Distinct().OrderBy(z => z).ToListAsync());

        var team = await db.SpaceMemberships.Where(m => m.PersonId == person.Id && m.Space!.Kind == Core.Spaces.SpaceKind.Team).Select(m => m.SpaceId).FirstAsync();
        var view = await me.GetAsync<TeamView>($"/api/v1/spaces/{team}/team");
        Assert.Contains(view.Members, m => m.Person.Presence is not null);
        Assert.True(await db.PresenceStatuses.CountAsync() > 20);
    }
}

public sealed class DemoSqliteApp : SqliteApp
{
    protected override void ConfigureNode(IWebHostBuilder builder) => builder.UseSetting("Ruche:DemoData", "true");
}

public sealed class DemoPostgresApp : PostgresApp
{
    protected override void ConfigureNode(IWebHostBuilder builder) => builder.UseSetting("Ruche:DemoData", "true");
}

public sealed class DemoEventsTestsOnSqlite(DemoSqliteApp app) : DemoEventsTests(app), IClassFixture<DemoSqliteApp>;

public sealed class DemoEventsTestsOnPostgres(DemoPostgresApp app) : DemoEventsTests(app), IClassFixture<DemoPostgresApp>;
