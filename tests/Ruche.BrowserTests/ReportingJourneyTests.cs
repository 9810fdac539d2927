using Microsoft.Playwright;

namespace Ruche.BrowserTests;

/// <summary>The reporting channel in a real browser, without an account, on a phone-sized screen: report anonymously, note the code and secret, follow the case with them.</summary>
public sealed class ReportingJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task An_anonymous_reporter_notes_the_code_and_follows_the_case_with_it()
    {
        Assert.SkipWhen(BrowserApp.SkipReason is not null, BrowserApp.SkipReason ?? string.Empty);
        var consoleErrors = new List<string>();
        var context = await app.Browser.NewContextAsync(new() { BaseURL = app.BaseAddress.ToString(), Locale = "fr-FR", ViewportSize = new() { Width = 390, Height = 844 } });
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                consoleErrors.Add(message.Text);
            }
        };

        // No account, no sign-in: the page opens as it is.
        await page.GotoAsync("/report");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Signaler une alerte" })).ToBeVisibleAsync();
        await page.GetByLabel("Domaine").SelectOptionAsync("health-safety");
        await page.GetByLabel("Les faits").FillAsync("Les échafaudages du chantier nord ne sont plus contrôlés depuis juin.");
        await page.GetByLabel("Anonyme", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer le signalement" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Signalement reçu" })).ToBeVisibleAsync();
        var code = (await page.Locator("[data-receipt-code]").InnerTextAsync()).Trim();
        var secret = (await page.Locator("[data-receipt-secret]").InnerTextAsync()).Trim();
        Assert.Matches("^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$", code);
        await page.ScreenshotAsync(new() { Path = BrowserApp.ArtifactPath("report-receipt-phone.png"), FullPage = true });

        // Later, from the follow page, with what was noted.
        await page.GotoAsync("/report/follow");
        await page.GetByLabel("Code du dossier").FillAsync(code);
        await page.GetByLabel("Secret").FillAsync(secret);
        await page.GetByRole(AriaRole.Button, new() { Name = "Ouvrir le dossier" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Dossier {code}" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".case-text").First).ToContainTextAsync("échafaudages du chantier nord");

        // A message to the referents, answered on the same page.
        await page.GetByLabel("Écrire aux référents").FillAsync("J'ai des photos datées si besoin.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("Message envoyé aux référents.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".case-messages")).ToContainTextAsync("photos datées");
        await page.ScreenshotAsync(new() { Path = BrowserApp.ArtifactPath("report-follow-phone.png"), FullPage = true });

        // The procedure is one link away, and the page never set a sign-in cookie.
        await page.GotoAsync("/report/procedure");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Procédure de signalement" })).ToBeVisibleAsync();
        Assert.DoesNotContain(await context.CookiesAsync(), c => c.Name == "ruche");
        Assert.Empty(consoleErrors);
    }
}
