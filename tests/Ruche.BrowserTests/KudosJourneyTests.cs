using Microsoft.Playwright;
using Ruche.Demo;

namespace Ruche.BrowserTests;

/// <summary>Recognition in the demo company, in a real browser: a colleague thanked for a value, the thanks on their profile and the wall.</summary>
public sealed class KudosJourneyTests(DemoBrowserApp app) : IClassFixture<DemoBrowserApp>
{
    [Fact]
    public async Task A_demo_employee_thanks_a_colleague_and_sees_it_on_their_profile()
    {
        Assert.SkipWhen(BrowserApp.SkipReason is not null, BrowserApp.SkipReason ?? string.Empty);
        var consoleErrors = new List<string>();
        var page = await app.SignInAsync($"julien.roux@{DemoCompany.EmailDomain}", consoleErrors, DemoCompany.Password);

        // From the colleague's profile: their badges and thanks, and the link to thank them.
        await page.GotoAsync("/people/sarah.cohen");
        await Assertions.Expect(page.Locator(".profile-recognition article.kudos").First).ToBeVisibleAsync();
        await page.Locator(".profile-recognition").GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^💐 Remercier") }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("À un collègue")).ToHaveValueAsync("@sarah.cohen");
        await page.GetByLabel("Valeur").SelectOptionAsync(new SelectOptionValue { Label = "Bienveillance" });
        await page.GetByLabel("Pour quoi ?").FillAsync("Merci pour ta relecture patiente du guide d'accueil.");
        await page.ScreenshotAsync(new() { Path = BrowserApp.ArtifactPath("kudos-give.png"), FullPage = false });
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer le merci" }).ClickAsync();

        // On the month's wall, then on her profile.
        var thanked = page.Locator("article.kudos", new() { HasText = "Merci pour ta relecture patiente du guide d'accueil." });
        await Assertions.Expect(thanked).ToBeVisibleAsync();
        await Assertions.Expect(thanked.Locator(".kudos-value")).ToHaveTextAsync("Bienveillance");
        await page.GotoAsync("/people/sarah.cohen");
        await Assertions.Expect(page.Locator(".profile-recognition article.kudos", new() { HasText = "Merci pour ta relecture patiente du guide d'accueil." })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = BrowserApp.ArtifactPath("kudos-profile.png"), FullPage = true });
        Assert.Empty(consoleErrors);
    }
}
