using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;
using Ruche.Core.Access;
using Ruche.Tests.Infrastructure;
using Ruche.Web.Auth;

namespace Ruche.Tests.Security;

/// <summary>Authenticator codes (TOTP) as a second factor, on the API and in the sign-in pages.</summary>
public abstract partial class TwoFactorTests(RucheApp app) : ProviderTests(app)
{
    [Fact]
    public async Task With_two_factor_on_a_password_alone_gets_no_token_but_a_code_or_a_recovery_code_does()
    {
        var person = await NewPersonAsync("Prudent");
        var (key, recovery) = await EnableAsync(person);
        var anonymous = App.Anonymous();

        await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { email = person.Email, password = RucheApp.Password })
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.two-factor-required");
        await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { email = person.Email, password = RucheApp.Password, code = "000000" == Now(key) ? "111111" : "000000" })
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.two-factor-invalid");

        var withCode = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { email = person.Email, password = RucheApp.Password, code = Now(key) });
        Assert.Equal(HttpStatusCode.OK, withCode.StatusCode);

        // A recovery code works once.
        var first = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { email = person.Email, password = RucheApp.Password, code = recovery[0] });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { email = person.Email, password = RucheApp.Password, code = recovery[0] })
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.two-factor-invalid");
        var status = await person.GetAsync<TwoFactorStatus>("/api/v1/me/two-factor");
        Assert.True(status.Enabled);
        Assert.Equal(TwoFactorService.RecoveryCodeCount - 1, status.RecoveryCodesLeft);
    }

    [Fact]
    public async Task Enabling_needs_the_code_the_app_shows_and_disabling_needs_one_too()
    {
        var person = await NewPersonAsync("Careful");
        var setup = await Actor.ReadAsync<AuthenticatorSetup>(await person.Http.PostAsync("/api/v1/me/two-factor/setup", null), HttpStatusCode.OK);
        Assert.StartsWith("otpauth://totp/Ruche%3A", setup.AuthenticatorUri, StringComparison.Ordinal);
        Assert.Contains("issuer=Ruche", setup.AuthenticatorUri, StringComparison.Ordinal);

        await person.Http.PostAsJsonAsync("/api/v1/me/two-factor/enable", new { code = "12" })
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "two-factor.code-invalid");
        Assert.False((await person.GetAsync<TwoFactorStatus>("/api/v1/me/two-factor")).Enabled);

        var codes = await Actor.ReadAsync<RecoveryCodes>(
            await person.Http.PostAsJsonAsync("/api/v1/me/two-factor/enable", new { code = Now(setup.SharedKey) }), HttpStatusCode.OK);
        Assert.Equal(TwoFactorService.RecoveryCodeCount, codes.Codes.Count);

        await person.Http.PostAsJsonAsync("/api/v1/me/two-factor/disable", new { code = "nope" })
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "two-factor.code-invalid");
        Assert.True((await person.GetAsync<TwoFactorStatus>("/api/v1/me/two-factor")).Enabled);
        Assert.Equal(HttpStatusCode.NoContent, (await person.Http.PostAsJsonAsync("/api/v1/me/two-factor/disable", new { code = Now(setup.SharedKey) })).StatusCode);
        Assert.False((await person.GetAsync<TwoFactorStatus>("/api/v1/me/two-factor")).Enabled);
    }

    [Fact]
    public async Task The_sign_in_page_asks_for_the_code_after_the_password()
    {
        var person = await NewPersonAsync("Browser");
        var (key, _) = await EnableAsync(person);
        var browser = App.NewBrowser();

        var afterPassword = await browser.SubmitFormAsync("/login", "/ui/login", new() { ["email"] = person.Email, ["password"] = RucheApp.Password, ["returnUrl"] = "/" });
        Assert.Equal(HttpStatusCode.Redirect, afterPassword.StatusCode);
        Assert.StartsWith("/login/two-factor", afterPassword.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/")).StatusCode);

        var wrong = await browser.SubmitFormAsync("/login/two-factor", "/ui/login/two-factor", new() { ["code"] = "000000" == Now(key) ? "111111" : "000000", ["returnUrl"] = "/" });
        Assert.Contains("error=two-factor.code-invalid", wrong.Headers.Location?.OriginalString, StringComparison.Ordinal);

        var right = await browser.SubmitFormAsync("/login/two-factor", "/ui/login/two-factor", new() { ["code"] = Now(key), ["returnUrl"] = "/" });
        Assert.Equal("/", right.Headers.Location?.OriginalString);
        Assert.Contains("Fil d&#x27;actualit", await browser.PageAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Setting_up_in_the_pages_keeps_every_session_until_two_factor_is_on_and_then_keeps_this_one()
    {
        // Every request checks the security stamp here, as the periodic check would a minute later in production.
        await using var strict = App.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.PostConfigure<SecurityStampValidatorOptions>(stamps => stamps.ValidationInterval = TimeSpan.Zero)));
        var person = await NewPersonAsync("Slow scanner");
        var here = await SignInAsync(strict, person);
        var elsewhere = await SignInAsync(strict, person);

        var setupPage = await here.SubmitFormAsync("/settings/two-factor", "/ui/settings/two-factor/setup", []);
        Assert.Equal(HttpStatusCode.OK, setupPage.StatusCode);
        var setupHtml = await setupPage.Content.ReadAsStringAsync();
        ShouldBeInTheLayout(setupHtml);
        var key = SharedKey().Match(setupHtml).Groups["key"].Value;
        Assert.NotEmpty(key);

        // Scanning takes its time: both sessions are still open.
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/settings/two-factor")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.GetAsync("/")).StatusCode);

        var token = Browser.AntiforgeryTokenIn(setupHtml, "the set-up page");
        var codesPage = await here.PostAsync("/ui/settings/two-factor/enable", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["code"] = Now(key),
            [Browser.AntiforgeryField] = token,
        }));
        Assert.Equal(HttpStatusCode.OK, codesPage.StatusCode);
        var codesHtml = await codesPage.Content.ReadAsStringAsync();
        ShouldBeInTheLayout(codesHtml);
        Assert.Equal(TwoFactorService.RecoveryCodeCount, RecoveryCode().Count(codesHtml));

        // Turning it on ends the account's other sessions; the one that turned it on goes on.
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/settings/two-factor")).StatusCode);
        var signedOut = await elsewhere.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal("/login", signedOut.Headers.Location?.AbsolutePath);
    }

    private static async Task<HttpClient> SignInAsync(WebApplicationFactory<Program> node, Actor person)
    {
        var browser = node.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await browser.SubmitFormAsync("/login", "/ui/login", new() { ["email"] = person.Email, ["password"] = RucheApp.Password, ["returnUrl"] = "/" });
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        return browser;
    }

    /// <summary>A page a form answers with is a whole document: language, title and the app's stylesheet.</summary>
    private static void ShouldBeInTheLayout(string html)
    {
        Assert.StartsWith("<!DOCTYPE html>", html.TrimStart(), StringComparison.Ordinal);
        Assert.Contains("<html lang=\"fr\">", html, StringComparison.Ordinal);
        Assert.Matches("<title>[^<]+ · Ruche</title>", html);
        Assert.Matches("""<link rel="stylesheet" href="[^"]*site[^"]*\.css"[^>]*>""", html);
        Assert.Contains("class=\"top\"", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("""<code class="secret">(?<key>[A-Z2-7]+)</code>""")]
    private static partial Regex SharedKey();

    [GeneratedRegex("""<li><code>[^<]+</code></li>""")]
    private static partial Regex RecoveryCode();

    private static async Task<(string Key, IReadOnlyList<string> Recovery)> EnableAsync(Actor person)
    {
        var setup = await Actor.ReadAsync<AuthenticatorSetup>(await person.Http.PostAsync("/api/v1/me/two-factor/setup", null), HttpStatusCode.OK);
        var codes = await Actor.ReadAsync<RecoveryCodes>(
            await person.Http.PostAsJsonAsync("/api/v1/me/two-factor/enable", new { code = Now(setup.SharedKey) }), HttpStatusCode.OK);
        return (setup.SharedKey, codes.Codes);
    }

    /// <summary>What an authenticator app shows now for this key.</summary>
    private static string Now(string key) => new Totp(Base32Encoding.ToBytes(key)).ComputeTotp();
}

public sealed class TwoFactorTestsOnSqlite(SqliteApp app) : TwoFactorTests(app), IClassFixture<SqliteApp>;

public sealed class TwoFactorTestsOnPostgres(PostgresApp app) : TwoFactorTests(app), IClassFixture<PostgresApp>;
