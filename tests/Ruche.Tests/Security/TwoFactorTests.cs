using System.Net;
using System.Net.Http.Json;
using OtpNet;
using Ruche.Core.Access;
using Ruche.Tests.Infrastructure;
using Ruche.Web.Auth;

namespace Ruche.Tests.Security;

/// <summary>Authenticator codes (TOTP) as a second factor, on the API and in the sign-in pages.</summary>
public abstract class TwoFactorTests(RucheApp app) : ProviderTests(app)
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
