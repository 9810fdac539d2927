using System.Net;
using Ruche.Core.Common;
using Ruche.Core.Spaces;
using Ruche.Tests.Infrastructure;

namespace Ruche.Tests.Onboarding;

/// <summary>Empty lists say what to do next, and offer the action only to whoever may take it.</summary>
public abstract class EmptyStateTests(RucheApp app) : ProviderTests(app)
{
    [Fact]
    public async Task An_empty_space_offers_writing_and_planning_to_its_members_only()
    {
        var owner = await NewPersonAsync("Owner");
        var reader = await NewPersonAsync("Reader");
        var space = await owner.CreateSpaceAsync("Vide " + Guid.NewGuid().ToString("N")[..6], SpaceVisibility.Open, SpaceKind.Interest);

        var member = WebUtility.HtmlDecode(await (await App.SignInWithBrowserCookiesAsync(owner)).PageAsync($"/spaces/{space.Id}"));
        Assert.Contains("data-empty-state", member, StringComparison.Ordinal);
        Assert.Contains("Cet espace est encore silencieux", member, StringComparison.Ordinal);
        Assert.Contains("href=\"#composer-body\"", member, StringComparison.Ordinal);
        Assert.Contains($"href=\"/events/new?space={space.Id}\"", member, StringComparison.Ordinal);

        // A colleague reads the open space but does not belong to it: the same empty state, without the actions.
        var outsider = WebUtility.HtmlDecode(await (await App.SignInWithBrowserCookiesAsync(reader)).PageAsync($"/spaces/{space.Id}"));
        Assert.Contains("Cet espace est encore silencieux", outsider, StringComparison.Ordinal);
        Assert.Contains("Les publications de ses membres apparaîtront ici.", outsider, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"#composer-body\"", outsider, StringComparison.Ordinal);
        Assert.DoesNotContain("/events/new?space=", outsider, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Surveys_and_search_say_what_to_do_next_and_building_a_survey_is_offered_to_hr_only()
    {
        var employee = await NewPersonAsync("Employee");
        var hr = await NewPersonAsync("Hr", roles: "hr");

        var search = WebUtility.HtmlDecode(await (await App.SignInWithBrowserCookiesAsync(employee)).PageAsync("/search?q=zzqqxxnothing"));
        Assert.Contains("Rien trouvé", search, StringComparison.Ordinal);
        Assert.Contains("Chercher dans l'annuaire", search, StringComparison.Ordinal);

        var employeeSurveys = WebUtility.HtmlDecode(await (await App.SignInWithBrowserCookiesAsync(employee)).PageAsync("/surveys"));
        var hrSurveys = WebUtility.HtmlDecode(await (await App.SignInWithBrowserCookiesAsync(hr)).PageAsync("/surveys"));
        Assert.Contains("Pas d'enquête en cours", employeeSurveys, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/surveys/new\"", employeeSurveys, StringComparison.Ordinal);

        Assert.Contains("href=\"/surveys/new\"", hrSurveys, StringComparison.Ordinal);
    }
}

public sealed class EmptyStateTestsOnSqlite(SqliteApp app) : EmptyStateTests(app), IClassFixture<SqliteApp>;

public sealed class EmptyStateTestsOnPostgres(PostgresApp app) : EmptyStateTests(app), IClassFixture<PostgresApp>;
