using System.Net;
using Ruche.Core.Profiles;
using Ruche.Tests.Infrastructure;

namespace Ruche.Tests.Pages;

/// <summary>A form with several fields that the server refuses comes back with what was typed and why, never empty.</summary>
public abstract class RefusedFormTests(RucheApp app) : ProviderTests(app)
{
    [Fact]
    public async Task A_refused_new_space_comes_back_with_what_was_typed()
    {
        var person = await NewPersonAsync("Fondatrice");
        var browser = await App.SignInWithBrowserCookiesAsync(person);

        var refused = await browser.SubmitFormAsync("/spaces/new", "/ui/spaces", new()
        {
            ["name"] = "Comité <social>",
            ["description"] = "Pour les élus\net les salariés",
            ["kind"] = "Union",
            ["visibility"] = "Private",
        });

        await Actor.ExpectAsync(refused, HttpStatusCode.Forbidden);
        var page = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("role=\"alert\"", page, StringComparison.Ordinal);
        Assert.Contains("value=\"Comité <social>\"", page, StringComparison.Ordinal);
        Assert.Contains(">Pour les élus\net les salariés</textarea>", page, StringComparison.Ordinal);
        Assert.Matches("value=\"Private\" checked", page);
        Assert.DoesNotMatch("value=\"Open\" checked", page);
    }

    [Fact]
    public async Task A_refused_profile_comes_back_with_what_was_typed()
    {
        var person = await NewPersonAsync("Profil");
        var browser = await App.SignInWithBrowserCookiesAsync(person);

        var refused = await browser.SubmitFormAsync("/settings/profile", "/ui/profile", new()
        {
            ["displayName"] = "Nouveau Nom",
            ["jobTitle"] = "Cheffe de projet",
            ["departmentId"] = "0",
            ["siteId"] = "0",
            ["managerId"] = "0",
            ["timeZone"] = "Mars/Olympus",
            ["skills"] = "Python, Rust",
            ["bio"] = "Ma bio\nsur deux lignes",
        });

        await Actor.ExpectAsync(refused, HttpStatusCode.BadRequest);
        var page = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("role=\"alert\"", page, StringComparison.Ordinal);
        Assert.Contains("value=\"Nouveau Nom\"", page, StringComparison.Ordinal);
        Assert.Contains("value=\"Cheffe de projet\"", page, StringComparison.Ordinal);
        Assert.Contains("value=\"Python, Rust\"", page, StringComparison.Ordinal);
        Assert.Contains(">Ma bio\nsur deux lignes</textarea>", page, StringComparison.Ordinal);
        Assert.Equal(person.Name, (await person.ProfileAsync(person)).DisplayName);
    }
}

public sealed class RefusedFormTestsOnSqlite(SqliteApp app) : RefusedFormTests(app), IClassFixture<SqliteApp>;

public sealed class RefusedFormTestsOnPostgres(PostgresApp app) : RefusedFormTests(app), IClassFixture<PostgresApp>;
