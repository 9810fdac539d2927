using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using OtpNet;
using Ruche.Core.Access;
using Ruche.Tests.Infrastructure;

namespace Ruche.Tests.Security;

/// <summary>Ruche where the company requires two-factor authentication for privileged roles.</summary>
public sealed class PrivilegedTwoFactorApp : SqliteApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Ruche:Security:RequireTwoFactor", "Privileged");
    }
}

public sealed class TwoFactorPolicyTests(PrivilegedTwoFactorApp app) : ProviderTests(app), IClassFixture<PrivilegedTwoFactorApp>
{
    [Fact]
    public async Task Privileged_people_must_set_up_two_factor_before_anything_else_and_employees_need_not()
    {
        var admin = await App.NewPersonAsync("Admin", "Europe/Paris", "administrator");
        var employee = await App.NewPersonAsync("Employee");

        var adminBrowser = await App.SignInWithBrowserCookiesAsync(admin);
        var home = await adminBrowser.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/settings/two-factor?error=two-factor.required", home.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await adminBrowser.GetAsync("/settings/two-factor")).StatusCode);
        await App.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { email = admin.Email, password = RucheApp.Password })
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "two-factor.required");

        var employeeBrowser = await App.SignInWithBrowserCookiesAsync(employee);
        Assert.Equal(HttpStatusCode.OK, (await employeeBrowser.GetAsync("/")).StatusCode);

        // Once the administrator turns it on, the pages open and a token needs the code.
        var setup = await Actor.ReadAsync<AuthenticatorSetup>(await admin.Http.PostAsync("/api/v1/me/two-factor/setup", null), HttpStatusCode.OK);
        var code = new Totp(Base32Encoding.ToBytes(setup.SharedKey)).ComputeTotp();
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.PostAsJsonAsync("/api/v1/me/two-factor/enable", new { code })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await adminBrowser.GetAsync("/")).StatusCode);
        await App.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { email = admin.Email, password = RucheApp.Password })
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.two-factor-required");
    }

    [Fact]
    public async Task A_session_opened_with_a_passkey_meets_the_two_factor_requirement()
    {
        var admin = await App.NewPersonAsync("Passkey admin", "Europe/Paris", "administrator");

        // Sent to set up a second factor after a password, the administrator may add a passkey there.
        var (passwordSession, key) = await Passkeys.RegisterAsync(app, admin, "Security key");
        using var _ = key;
        Assert.Equal("/settings/two-factor?error=two-factor.required", (await passwordSession.GetAsync("/")).Headers.Location?.OriginalString);

        var passkeySession = App.NewBrowser();
        var (response, _) = await Passkeys.SignInAsync(passkeySession, key, "/");
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await passkeySession.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await passkeySession.GetAsync("/admin")).StatusCode);
    }
}
