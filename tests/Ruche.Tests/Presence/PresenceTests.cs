using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Ruche.Core.Common;
using Ruche.Core.People;
using Ruche.Core.Presence;
using Ruche.Tests.Infrastructure;

namespace Ruche.Tests.Presence;

/// <summary>
/// Working-from statuses on an app whose clock the test moves: Monday 1 March 2027, 09:30 UTC, when it is 23:30 in
/// Kiritimati (UTC+14), 22:30 the day before in Pago Pago (UTC−11), 10:30 in Paris, 04:30 in Montréal, 17:30 in Singapore.
/// </summary>
public abstract class PresenceTests(RucheApp app) : ProviderTests(app)
{
    public static readonly DateTimeOffset Start = new(2027, 3, 1, 9, 30, 0, TimeSpan.Zero);

    private SettableClock Clock => ((IClockedApp)App).Clock;

    [Fact]
    public async Task A_status_lasts_until_midnight_on_its_owners_own_clock_at_both_ends_of_the_date_line()
    {
        Clock.SetUtcNow(Start);
        var kiritimati = await NewPersonAsync("Teraaki", "Pacific/Kiritimati");
        var pagoPago = await NewPersonAsync("Sina", "Pacific/Pago_Pago");
        var reader = await NewPersonAsync("Reader");

        var first = await SetAsync(kiritimati, "home", "Jardin");
        var second = await SetAsync(pagoPago, "travelling", null);
        Assert.Equal(new DateTime(2027, 3, 1, 10, 0, 0, DateTimeKind.Utc), first.ExpiresAt);
        Assert.Equal(new DateTime(2027, 3, 1, 11, 0, 0, DateTimeKind.Utc), second.ExpiresAt);
        Assert.Equal(new PresenceBadge(WorkingFrom.Home, "Jardin"), (await reader.ProfileAsync(kiritimati)).Presence);

        Clock.SetUtcNow(new DateTimeOffset(2027, 3, 1, 9, 59, 59, TimeSpan.Zero));
        Assert.NotNull((await reader.ProfileAsync(kiritimati)).Presence);

        // Midnight in Kiritimati: a new day there, the status is gone; Pago Pago's day still has an hour to run.
        Clock.SetUtcNow(new DateTimeOffset(2027, 3, 1, 10, 0, 0, TimeSpan.Zero));
        Assert.Null((await reader.ProfileAsync(kiritimati)).Presence);
        Assert.Equal(HttpStatusCode.NoContent, (await kiritimati.Http.GetAsync("/api/v1/presence")).StatusCode);
        Assert.Equal(WorkingFrom.Travelling, (await reader.ProfileAsync(pagoPago)).Presence?.Mode);

        Clock.SetUtcNow(new DateTimeOffset(2027, 3, 1, 11, 0, 0, TimeSpan.Zero));
        Assert.Null((await reader.ProfileAsync(pagoPago)).Presence);
    }

    [Fact]
    public async Task Statuses_show_beside_authors_in_posts_comments_and_search_results()
    {
        Clock.SetUtcNow(Start);
        var author = await NewPersonAsync("Author");
        var reader = await NewPersonAsync("Reader");
        await SetAsync(author, "office", "Lyon");
        var post = await author.PostAsync("Bonjour");
        await author.CommentAsync(post, "Et re-bonjour");

        Assert.Equal(new PresenceBadge(WorkingFrom.Office, "Lyon"), (await reader.GetPostAsync(post.Id)).Author!.Presence);
        var comments = await reader.GetAsync<IReadOnlyList<Core.Posts.CommentView>>($"/api/v1/posts/{post.Id}/comments");
        Assert.Equal(WorkingFrom.Office, comments.Single().Author.Presence?.Mode);
        Assert.Equal(WorkingFrom.Office, (await reader.SearchAsync("bonjour", "&type=post")).Items.Single().Person?.Presence?.Mode);

        await Actor.ExpectAsync(await author.Http.DeleteAsync("/api/v1/presence"), HttpStatusCode.NoContent);
        Assert.Null((await reader.GetPostAsync(post.Id)).Author!.Presence);
    }

    [Fact]
    public async Task Bad_statuses_are_refused_and_the_previous_one_stays()
    {
        Clock.SetUtcNow(Start);
        var person = await NewPersonAsync("Person");
        await SetAsync(person, "home", "Calme");

        await person.Http.PutAsJsonAsync("/api/v1/presence", new { mode = "home", note = new string('n', 81) }, Actor.Json)
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "presence.note-too-long");
        await person.Http.PutAsJsonAsync("/api/v1/presence", new { mode = "beach" }, Actor.Json)
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "request.malformed");

        Assert.Equal(new PresenceView(WorkingFrom.Home, "Calme", new DateTime(2027, 3, 1, 23, 0, 0, DateTimeKind.Utc)), await person.GetAsync<PresenceView>("/api/v1/presence"));
    }

    [Fact]
    public async Task The_team_view_shows_local_times_and_who_is_within_working_hours_in_constant_queries()
    {
        Clock.SetUtcNow(Start);
        var paris = await NewPersonAsync("Paris", "Europe/Paris");
        var montreal = await NewPersonAsync("Montréal", "America/Montreal");
        var singapore = await NewPersonAsync("Singapour", "Asia/Singapore");
        var resting = await NewPersonAsync("Repos", "Europe/Paris");
        var outsider = await NewPersonAsync("Outsider");
        var space = await paris.CreateSpaceAsync("Équipe monde", SpaceVisibility.Private);
        foreach (var member in new[] { montreal, singapore, resting })
        {
            await paris.AddToSpaceAsync(space, member);
        }

        await SetAsync(resting, "off", "Congé");
        await SetAsync(singapore, "home", null);

        App.Commands.Reset();
        var team = await montreal.GetAsync<TeamView>($"/api/v1/spaces/{space.Id}/team");
        var few = App.Commands.Count;

        var rows = team.Members.ToDictionary(m => m.Person.Id);
        Assert.Equal("10:30", rows[paris.Id].LocalTime);
        Assert.Equal("04:30", rows[montreal.Id].LocalTime);
        Assert.Equal("17:30", rows[singapore.Id].LocalTime);
        Assert.Equal(60, rows[paris.Id].UtcOffsetMinutes);
        Assert.Equal(-300, rows[montreal.Id].UtcOffsetMinutes);
        Assert.True(rows[paris.Id].WorkingNow);
        Assert.True(rows[singapore.Id].WorkingNow);
        Assert.False(rows[montreal.Id].WorkingNow);
        Assert.False(rows[resting.Id].WorkingNow);
        Assert.Equal(WorkingFrom.Off, rows[resting.Id].Person.Presence?.Mode);
        Assert.Equal(WorkingFrom.Home, rows[singapore.Id].Person.Presence?.Mode);

        for (var i = 0; i < 8; i++)
        {
            var more = await NewPersonAsync("Renfort", i % 2 == 0 ? "Asia/Singapore" : "Europe/Paris");
            await paris.AddToSpaceAsync(space, more);
            await SetAsync(more, "office", null);
        }

        App.Commands.Reset();
        Assert.Equal(12, (await montreal.GetAsync<TeamView>($"/api/v1/spaces/{space.Id}/team")).Members.Count);
        Assert.Equal(few, App.Commands.Count);
        TestContext.Current.TestOutputHelper?.WriteLine($"SQL commands: team view {few} for 4 or 12 members (with the bearer token check)");

        await outsider.Http.GetAsync($"/api/v1/spaces/{space.Id}/team").ShouldBeProblemAsync(HttpStatusCode.Forbidden, "space.members-only");
    }

    [Theory]
    [InlineData("Pacific/Kiritimati", "2027-03-01T09:30:00Z", "2027-03-01T10:00:00Z")]
    [InlineData("Pacific/Pago_Pago", "2027-03-01T09:30:00Z", "2027-03-01T11:00:00Z")]
    [InlineData("Pacific/Pago_Pago", "2027-03-01T11:00:00Z", "2027-03-02T11:00:00Z")]
    [InlineData("Europe/Paris", "2027-03-27T12:00:00Z", "2027-03-27T23:00:00Z")]
    [InlineData("Europe/Paris", "2027-03-28T12:00:00Z", "2027-03-28T22:00:00Z")]
    [InlineData("America/Santiago", "2027-09-04T12:00:00Z", "2027-09-05T04:00:00Z")]
    public void The_end_of_a_local_day(string zone, string now, string expected) =>
        Assert.Equal(
            DateTime.Parse(expected, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal),
            PresenceService.EndOfLocalDay(DateTime.Parse(now, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal), zone));

    private static async Task<PresenceView> SetAsync(Actor person, string mode, string? note) =>
        await Actor.ReadAsync<PresenceView>(await person.Http.PutAsJsonAsync("/api/v1/presence", new { mode, note }, Actor.Json), HttpStatusCode.OK);
}

/// <summary>An app whose clock the test sets.</summary>
public interface IClockedApp
{
    SettableClock Clock { get; }
}

/// <summary>A clock tests set to any instant, forwards or back (each test of a class starts from the same morning).</summary>
public sealed class SettableClock : TimeProvider
{
    private long ticks = PresenceTests.Start.UtcTicks;

    public void SetUtcNow(DateTimeOffset value) => Interlocked.Exchange(ref ticks, value.UtcTicks);

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref ticks), TimeSpan.Zero);
}

public sealed class ClockedSqliteApp : SqliteApp, IClockedApp
{
    public SettableClock Clock { get; } = new();

    protected override void ConfigureNode(IWebHostBuilder builder) =>
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
}

public sealed class ClockedPostgresApp : PostgresApp, IClockedApp
{
    public SettableClock Clock { get; } = new();

    protected override void ConfigureNode(IWebHostBuilder builder) =>
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
}

public sealed class PresenceTestsOnSqlite(ClockedSqliteApp app) : PresenceTests(app), IClassFixture<ClockedSqliteApp>;

public sealed class PresenceTestsOnPostgres(ClockedPostgresApp app) : PresenceTests(app), IClassFixture<ClockedPostgresApp>;
