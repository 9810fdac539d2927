using System.Net;
using Ruche.Core.Common;
using Ruche.Tests.Infrastructure;

namespace Ruche.Tests.Design;

/// <summary>The style guide is for administrators only; the theme switch is kept on the browser and drawn by the server.</summary>
public abstract class DesignSystemTests(RucheApp app) : ProviderTests(app)
{
    [Fact]
    public async Task The_style_guide_is_not_found_for_an_employee_and_shown_to_an_administrator()
    {
        var employee = await App.SignInWithBrowserCookiesAsync(await NewPersonAsync("Employee"));
        var admin = await App.SignInWithBrowserCookiesAsync(await NewPersonAsync("Admin", roles: RoleNames.Administrator));

        var refused = await employee.GetAsync("/styleguide");
        var shown = await admin.PageAsync("/styleguide");

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.DoesNotContain("class=\"swatches\"", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("class=\"swatches\"", shown, StringComparison.Ordinal);
        Assert.Contains("icons/sprite", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_theme_switch_persists_and_the_server_writes_it_on_the_document()
    {
        var browser = await App.SignInWithBrowserCookiesAsync(await NewPersonAsync("Themed"));
        Assert.DoesNotContain("data-theme=", await browser.PageAsync("/"), StringComparison.Ordinal);

        var dark = await browser.SubmitFormAsync("/settings", "/ui/theme", new() { ["theme"] = "dark", ["returnUrl"] = "/events" });

        await Actor.ExpectAsync(dark, HttpStatusCode.Redirect);
        Assert.Equal("/events", dark.Headers.Location?.OriginalString);
        Assert.Contains("<html lang=\"fr\" data-theme=\"dark\"", await browser.PageAsync("/"), StringComparison.Ordinal);
        Assert.Contains("value=\"dark\" aria-pressed=\"true\"", await browser.PageAsync("/settings"), StringComparison.Ordinal);

        var system = await browser.SubmitFormAsync("/settings", "/ui/theme", new() { ["theme"] = "system", ["returnUrl"] = "/" });

        await Actor.ExpectAsync(system, HttpStatusCode.Redirect);
        Assert.DoesNotContain("data-theme=", await browser.PageAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_theme_is_refused_and_changes_nothing()
    {
        var browser = await App.SignInWithBrowserCookiesAsync(await NewPersonAsync("Themed"));
        await browser.SubmitFormAsync("/settings", "/ui/theme", new() { ["theme"] = "light", ["returnUrl"] = "/" });

        var refused = await browser.SubmitFormAsync("/settings", "/ui/theme", new() { ["theme"] = "neon\"><script>", ["returnUrl"] = "/settings" });

        await Actor.ExpectAsync(refused, HttpStatusCode.Redirect);
        Assert.Equal("/settings?error=theme.unknown", refused.Headers.Location?.OriginalString);
        Assert.Contains("data-theme=\"light\"", await browser.PageAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forged_theme_cookie_is_not_written_into_the_page()
    {
        var browser = await App.SignInWithBrowserCookiesAsync(await NewPersonAsync("Forger"));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", "ruche-theme=%22%3E%3Cscript%3E");

        var html = await (await browser.SendAsync(request)).Content.ReadAsStringAsync();

        Assert.DoesNotContain("data-theme=", html, StringComparison.Ordinal);
    }
}

public sealed class DesignSystemTestsOnSqlite(SqliteApp app) : DesignSystemTests(app), IClassFixture<SqliteApp>;

public sealed class DesignSystemTestsOnPostgres(PostgresApp app) : DesignSystemTests(app), IClassFixture<PostgresApp>;
