using System.Text.Json;
using Microsoft.Playwright;

namespace Ruche.BrowserTests;

/// <summary>
/// A passkey registered from the settings page and used on the login page, through Chromium's virtual authenticator
/// (CDP WebAuthn domain) and the page's own script under the strict CSP. WebAuthn wants a secure context and a domain
/// as relying party id, so the journey runs on http://localhost rather than the server's 127.0.0.1 address.
/// </summary>
public sealed class PasskeyJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private readonly List<string> consoleErrors = [];

    [Fact]
    public async Task A_person_registers_a_passkey_then_signs_in_with_it_alone()
    {
        Assert.SkipWhen(BrowserApp.SkipReason is not null, BrowserApp.SkipReason ?? string.Empty);
        var person = await app.NewPersonAsync("Pia Passkey");
        var context = await app.Browser.NewContextAsync(new() { BaseURL = $"http://localhost:{app.BaseAddress.Port}/", Locale = "fr-FR" });
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                consoleErrors.Add(message.Text);
            }
        };

        var cdp = await context.NewCDPSessionAsync(page);
        await cdp.SendAsync("WebAuthn.enable", new Dictionary<string, object> { ["enableUI"] = false });
        var added = await cdp.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2",
                ["transport"] = "internal",
                ["hasResidentKey"] = true,
                ["hasUserVerification"] = true,
                ["isUserVerified"] = true,
                ["automaticPresenceSimulation"] = true,
            },
        });
        var authenticatorId = added!.Value.GetProperty("authenticatorId").GetString()!;

        // Signed in with the password, the person adds a passkey from their settings.
        await page.GotoAsync("/login");
        await page.GetByLabel("Adresse e-mail").FillAsync(person.Email);
        await page.GetByLabel("Mot de passe").FillAsync(BrowserApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Fil d'actualité" })).ToBeVisibleAsync();
        await page.GotoAsync("/settings/passkeys");
        await page.GetByLabel("Nom de la clé").Last.FillAsync("Ordinateur du bureau");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter une clé d'accès" }).ClickAsync();
        await Assertions.Expect(page.Locator("p.banner.ok")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("ul.passkeys li")).ToContainTextAsync("Ordinateur du bureau");
        var credentials = await cdp.SendAsync("WebAuthn.getCredentials", new Dictionary<string, object> { ["authenticatorId"] = authenticatorId });
        Assert.Equal(1, credentials!.Value.GetProperty("credentials").GetArrayLength());
        await page.ScreenshotAsync(new() { Path = BrowserApp.ArtifactPath("passkeys-settings.png") });

        // Signed out (from the account menu in the header), the passkey alone opens a session: no e-mail, no password.
        await page.Locator("header.top details.account > summary").ClickAsync();
        await page.Locator("header.top form.logout button").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter avec une clé d'accès" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Fil d'actualité" })).ToBeVisibleAsync();
        credentials = await cdp.SendAsync("WebAuthn.getCredentials", new Dictionary<string, object> { ["authenticatorId"] = authenticatorId });
        Assert.True(credentials!.Value.GetProperty("credentials")[0].GetProperty("signCount").GetInt32() >= 1, JsonSerializer.Serialize(credentials));
        Assert.Empty(consoleErrors);
        await context.CloseAsync();
    }
}
