using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.Onboarding;
using Ruche.Core.Spaces;
using Ruche.Tests.Infrastructure;

namespace Ruche.Tests.Onboarding;

/// <summary>The welcome path through the HTML pages and forms: offered to new people, each step done or skipped, validated.</summary>
public abstract class OnboardingTests(RucheApp app) : ProviderTests(app)
{
    /// <summary>A page's HTML with its character references decoded, to look for French text.</summary>
    private static async Task<string> PageTextAsync(HttpClient browser, string url, HttpStatusCode expected = HttpStatusCode.OK) =>
        WebUtility.HtmlDecode(await browser.PageAsync(url, expected));

    [Fact]
    public async Task A_new_person_is_offered_the_path_and_goes_through_it_step_by_step()
    {
        var newcomer = await NewPersonAsync("Recrue");
        var browser = await App.SignInWithBrowserCookiesAsync(newcomer);

        Assert.Contains("data-onboarding-card", await PageTextAsync(browser, "/"), StringComparison.Ordinal);
        var first = await PageTextAsync(browser, "/welcome");
        Assert.Contains("data-welcome-step=\"photo\"", first, StringComparison.Ordinal);
        Assert.Contains("action=\"/ui/welcome/skip\"", first.Replace("formaction", "action", StringComparison.Ordinal), StringComparison.Ordinal);

        // Skipping the photo moves on without changing the profile.
        var skipped = await browser.SubmitFormAsync("/welcome", "/ui/welcome/skip", new() { ["step"] = OnboardingSteps.Photo });
        Assert.Equal("/welcome/job", skipped.Headers.Location?.OriginalString);
        Assert.Contains("data-welcome-step=\"job\"", await PageTextAsync(browser, "/welcome"), StringComparison.Ordinal);

        var job = await browser.SubmitFormAsync("/welcome/job", "/ui/welcome/job", new() { ["jobTitle"] = "Chargée de paie" });
        Assert.Equal("/welcome/timezone", job.Headers.Location?.OriginalString);
        Assert.Equal("Chargée de paie", (await newcomer.ProfileAsync(newcomer)).JobTitle);

        var zone = await browser.SubmitFormAsync("/welcome/timezone", "/ui/welcome/timezone", new() { ["timeZone"] = "America/Montreal" });
        Assert.Equal("/welcome/spaces", zone.Headers.Location?.OriginalString);
        Assert.Equal("America/Montreal", (await newcomer.ProfileAsync(newcomer)).TimeZone);

        await browser.SubmitFormAsync("/welcome/spaces", "/ui/welcome/skip", new() { ["step"] = OnboardingSteps.Spaces });
        await browser.SubmitFormAsync("/welcome/people", "/ui/welcome/skip", new() { ["step"] = OnboardingSteps.People });
        var last = await PageTextAsync(browser, "/welcome");
        Assert.Contains("data-welcome-step=\"goals\"", last, StringComparison.Ordinal);
        Assert.Contains("value=\"/goals\"", last, StringComparison.Ordinal);

        var finished = await browser.SubmitFormAsync("/welcome/goals", "/ui/welcome/finish", new() { ["returnUrl"] = "/goals" });
        Assert.Equal("/goals", finished.Headers.Location?.OriginalString);
        Assert.DoesNotContain("data-onboarding-card", await PageTextAsync(browser, "/"), StringComparison.Ordinal);
        Assert.NotNull(await OnboardedAtAsync(newcomer));
    }

    [Fact]
    public async Task A_bad_time_zone_is_refused_with_its_reason_and_nothing_changes()
    {
        var newcomer = await NewPersonAsync("Recrue", "Europe/Paris");
        var browser = await App.SignInWithBrowserCookiesAsync(newcomer);
        await browser.SubmitFormAsync("/welcome", "/ui/welcome/skip", new() { ["step"] = OnboardingSteps.Photo });
        await browser.SubmitFormAsync("/welcome", "/ui/welcome/skip", new() { ["step"] = OnboardingSteps.Job });

        foreach (var bad in new[] { "Mars/Olympus_Mons", "+02:00", string.Empty })
        {
            var refused = await browser.SubmitFormAsync("/welcome/timezone", "/ui/welcome/timezone", new() { ["timeZone"] = bad });
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var page = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
            Assert.Contains("Fuseau horaire inconnu", page, StringComparison.Ordinal);
            Assert.Contains("data-welcome-step=\"timezone\"", page, StringComparison.Ordinal);
        }

        Assert.Equal("Europe/Paris", (await newcomer.ProfileAsync(newcomer)).TimeZone);
        Assert.Contains("data-welcome-step=\"timezone\"", await PageTextAsync(browser, "/welcome"), StringComparison.Ordinal);
        Assert.Null(await OnboardedAtAsync(newcomer));

        // An unknown step is not found, and skipping one is refused.
        await browser.PageAsync("/welcome/nowhere", HttpStatusCode.NotFound);
        var unknown = await browser.SubmitFormAsync("/welcome", "/ui/welcome/skip", new() { ["step"] = "nowhere" });
        Assert.Equal("/welcome?error=onboarding.step-invalid", unknown.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task An_onboarded_person_is_not_offered_the_path_and_dismissing_it_counts_as_done()
    {
        var settled = await NewPersonAsync("Ancienne");
        var browser = await App.SignInWithBrowserCookiesAsync(settled);
        var dismissed = await browser.SubmitFormAsync("/", "/ui/welcome/finish", new() { ["returnUrl"] = "/" });

        Assert.Equal("/", dismissed.Headers.Location?.OriginalString);
        Assert.DoesNotContain("data-onboarding-card", await PageTextAsync(browser, "/"), StringComparison.Ordinal);
        Assert.NotNull(await OnboardedAtAsync(settled));
    }

    [Fact]
    public async Task Suggested_spaces_are_open_ones_never_private_secret_or_union_and_joining_another_is_refused()
    {
        var owner = await NewPersonAsync("Owner");
        var newcomer = await NewPersonAsync("Recrue");
        var open = await owner.CreateSpaceAsync("Ouvert " + Guid.NewGuid().ToString("N")[..6], SpaceVisibility.Open, SpaceKind.Interest);
        var closed = await owner.CreateSpaceAsync("Privé", SpaceVisibility.Private, SpaceKind.Project);
        var secret = await owner.CreateSpaceAsync("Secret", SpaceVisibility.Secret, SpaceKind.Project);
        var union = await AddUnionSpaceAsync(owner);
        var browser = await App.SignInWithBrowserCookiesAsync(newcomer);

        var page = await PageTextAsync(browser, "/welcome/spaces");
        Assert.Contains($"name=\"spaceIds\" value=\"{open.Id}\"", page, StringComparison.Ordinal);
        foreach (var id in new[] { closed.Id, secret.Id, union })
        {
            Assert.DoesNotContain($"name=\"spaceIds\" value=\"{id}\"", page, StringComparison.Ordinal);
        }

        await using (var scope = App.Services.CreateAsyncScope())
        {
            var suggested = await scope.ServiceProvider.GetRequiredService<SpaceSuggestions>().ForAsync(new Viewer(newcomer.Id, new HashSet<string>()), 20, CancellationToken.None);
            Assert.Contains(suggested, s => s.Id == open.Id);
            Assert.DoesNotContain(suggested, s => s.Id == closed.Id || s.Id == secret.Id || s.Id == union);
        }

        // The forbidden path: a private space slipped into the form is refused, and nothing is joined, not even the open one.
        var refused = await PostChoicesAsync(browser, "/welcome/spaces", "/ui/welcome/spaces", "spaceIds", open.Id, closed.Id);
        Assert.Equal("/welcome/spaces?error=onboarding.space-invalid", refused.Headers.Location?.OriginalString);
        refused = await PostChoicesAsync(browser, "/welcome/spaces", "/ui/welcome/spaces", "spaceIds", union);
        Assert.Equal("/welcome/spaces?error=onboarding.space-invalid", refused.Headers.Location?.OriginalString);
        Assert.False((await newcomer.GetAsync<SpaceSummary>($"/api/v1/spaces/{open.Id}")).IsMember);
        Assert.Null((await newcomer.GetAsync<SpaceSummary>($"/api/v1/spaces/{closed.Id}")).MyStatus);

        var joined = await PostChoicesAsync(browser, "/welcome/spaces", "/ui/welcome/spaces", "spaceIds", open.Id);
        Assert.Equal("/welcome/people", joined.Headers.Location?.OriginalString);
        Assert.True((await newcomer.GetAsync<SpaceSummary>($"/api/v1/spaces/{open.Id}")).IsMember);
        Assert.DoesNotContain($"name=\"spaceIds\" value=\"{open.Id}\"", await PageTextAsync(browser, "/welcome/spaces"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task People_suggestions_are_the_team_and_department_never_deactivated_people()
    {
        var manager = await NewPersonAsync("Manager");
        var mate = await NewPersonAsync("Collègue");
        var gone = await NewPersonAsync("Parti");
        var stranger = await NewPersonAsync("Inconnu");
        var newcomer = await NewPersonAsync("Recrue");
        await SetManagerAsync(manager.Id, mate.Id, gone.Id, newcomer.Id);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RucheDbContext>();
            await db.People.Where(p => p.Id == gone.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.IsActive, false));
        }

        var browser = await App.SignInWithBrowserCookiesAsync(newcomer);
        var page = await PageTextAsync(browser, "/welcome/people");
        Assert.Contains($"name=\"personIds\" value=\"{manager.Id}\"", page, StringComparison.Ordinal);
        Assert.Contains($"name=\"personIds\" value=\"{mate.Id}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"name=\"personIds\" value=\"{gone.Id}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"name=\"personIds\" value=\"{stranger.Id}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"name=\"personIds\" value=\"{newcomer.Id}\"", page, StringComparison.Ordinal);

        // Following a deactivated person through the form is refused, and nobody is followed.
        var refused = await PostChoicesAsync(browser, "/welcome/people", "/ui/welcome/people", "personIds", manager.Id, gone.Id);
        Assert.Equal("/welcome/people?error=onboarding.person-invalid", refused.Headers.Location?.OriginalString);
        Assert.Equal(0, (await newcomer.ProfileAsync(newcomer)).FollowingCount);

        var followed = await PostChoicesAsync(browser, "/welcome/people", "/ui/welcome/people", "personIds", manager.Id, mate.Id);
        Assert.Equal("/welcome/goals", followed.Headers.Location?.OriginalString);
        Assert.Equal(2, (await newcomer.ProfileAsync(newcomer)).FollowingCount);
        Assert.DoesNotContain($"name=\"personIds\" value=\"{manager.Id}\"", await PageTextAsync(browser, "/welcome/people"), StringComparison.Ordinal);
    }

    private async Task<DateTime?> OnboardedAtAsync(Actor person)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RucheDbContext>().People.Where(p => p.Id == person.Id).Select(p => p.OnboardedAt).SingleAsync();
    }

    private async Task SetManagerAsync(long managerId, params long[] reports)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RucheDbContext>();
        await db.People.Where(p => reports.Contains(p.Id)).ExecuteUpdateAsync(s => s.SetProperty(p => p.ManagerId, managerId));
    }

    /// <summary>A union's space as the dialogue feature makes it: company-wide to read, its membership private.</summary>
    private async Task<long> AddUnionSpaceAsync(Actor delegateOwner)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RucheDbContext>();
        var space = await scope.ServiceProvider.GetRequiredService<SpaceService>()
            .AddRepresentationSpaceAsync(delegateOwner.Id, SpaceKind.Union, "Syndicat " + Guid.NewGuid().ToString("N")[..6], null, [delegateOwner.Id], CancellationToken.None);
        await db.SaveChangesAsync();
        return space.Id;
    }

    internal static async Task<HttpResponseMessage> PostChoicesAsync(HttpClient browser, string page, string action, string field, params long[] ids)
    {
        var token = await Browser.AntiforgeryTokenAsync(browser, page);
        var fields = ids.Select(id => new KeyValuePair<string, string>(field, id.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Append(new(Browser.AntiforgeryField, token));
        return await browser.PostAsync(action, new FormUrlEncodedContent(fields));
    }
}

public sealed class OnboardingTestsOnSqlite(SqliteApp app) : OnboardingTests(app), IClassFixture<SqliteApp>;

public sealed class OnboardingTestsOnPostgres(PostgresApp app) : OnboardingTests(app), IClassFixture<PostgresApp>;
