using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Ruche.Core.Access;
using Ruche.Tests.Infrastructure;
using Ruche.Web.Live;

namespace Ruche.Tests.Live;

/// <summary>
/// An open live connection lasts no longer than the sign-in it was opened with: "sign out everywhere" or a revoked
/// token ends it at the next check (every 30 s, triggered here), and a reconnection with the stale sign-in is refused.
/// </summary>
public abstract class LiveSessionTests(RucheApp app) : ProviderTests(app)
{
    [Fact]
    public async Task Signing_out_everywhere_closes_the_pages_open_live_connection_and_refuses_it_back()
    {
        var person = await NewPersonAsync("Nomade");
        var colleague = await NewPersonAsync("Collègue");
        var cookie = await SignInCookieAsync(person);
        await using var page = await LiveClient.ConnectAsync(App, null, cookie);
        await using var other = await colleague.ConnectLiveAsync();

        Assert.Equal(0, await CheckAllAsync());
        var laptop = await App.SignInWithBrowserCookiesAsync(person);
        var signedOut = await laptop.SubmitFormAsync("/settings", "/ui/settings/sign-out-everywhere", new() { ["returnUrl"] = "/settings" });
        await Actor.ExpectAsync(signedOut, HttpStatusCode.Redirect);

        Assert.Equal(1, await CheckAllAsync());
        await page.Closed.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(other.Closed.IsCompleted);
        await Assert.ThrowsAnyAsync<Exception>(async () => await (await LiveClient.ConnectAsync(App, null, cookie)).DisposeAsync());
    }

    [Fact]
    public async Task A_revoked_token_ends_the_connection_opened_with_it()
    {
        var person = await NewPersonAsync("Intégration");
        var token = await Actor.ReadAsync<IssuedToken>(
            await person.Http.PostAsJsonAsync("/api/v1/me/tokens", new { name = "Tableau de bord" }, Actor.Json), HttpStatusCode.Created);
        await using var live = await LiveClient.ConnectAsync(App, token.Token);
        await using var session = await person.ConnectLiveAsync();

        await Actor.ExpectAsync(await person.Http.DeleteAsync($"/api/v1/me/tokens/{token.Id}"), HttpStatusCode.NoContent);

        Assert.Equal(1, await CheckAllAsync());
        await live.Closed.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(session.Closed.IsCompleted);
    }

    [Fact]
    public async Task A_token_without_the_read_scope_cannot_listen()
    {
        var person = await NewPersonAsync("Écrivain");
        var writeOnly = await Actor.ReadAsync<IssuedToken>(
            await person.Http.PostAsJsonAsync("/api/v1/me/tokens", new { name = "Publication seule", scopes = new[] { "write" } }, Actor.Json), HttpStatusCode.Created);
        var readOnly = await Actor.ReadAsync<IssuedToken>(
            await person.Http.PostAsJsonAsync("/api/v1/me/tokens", new { name = "Lecture", scopes = new[] { "read" } }, Actor.Json), HttpStatusCode.Created);

        await Assert.ThrowsAnyAsync<Exception>(async () => await (await LiveClient.ConnectAsync(App, writeOnly.Token)).DisposeAsync());
        await using var reader = await LiveClient.ConnectAsync(App, readOnly.Token);
        Assert.False(reader.Closed.IsCompleted);
    }

    private async Task<int> CheckAllAsync() => await App.Services.GetRequiredService<LiveSessions>().CheckAllAsync(default);

    /// <summary>Signs in through the login form and returns the sign-in cookie, as a page's script sends it to /hub.</summary>
    private async Task<string> SignInCookieAsync(Actor person)
    {
        using var browser = App.NewBrowser();
        var response = await browser.SubmitFormAsync("/login", "/ui/login", new() { ["email"] = person.Email, ["password"] = RucheApp.Password, ["returnUrl"] = "/" });
        await Actor.ExpectAsync(response, HttpStatusCode.Redirect);
        var cookies = response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Where(c => c.StartsWith("ruche=", StringComparison.Ordinal));
        return string.Join("; ", cookies);
    }
}

public sealed class LiveSessionTestsOnSqlite(SqliteApp app) : LiveSessionTests(app), IClassFixture<SqliteApp>;

public sealed class LiveSessionTestsOnPostgres(PostgresApp app) : LiveSessionTests(app), IClassFixture<PostgresApp>;
