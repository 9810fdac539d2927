using Microsoft.Playwright;
using Ruche.Demo;

namespace Ruche.BrowserTests;

/// <summary>
/// The employee voice in the demo company, in a real browser: ideas sorted by votes, one submitted and voted for by a
/// colleague, and the irritants' trend drawn as charts from their tables.
/// </summary>
public sealed class VoiceJourneyTests(DemoBrowserApp app) : IClassFixture<DemoBrowserApp>
{
    [Fact]
    public async Task A_demo_employee_submits_an_idea_a_colleague_votes_for_it_and_the_irritant_trend_is_drawn()
    {
        Assert.SkipWhen(BrowserApp.SkipReason is not null, BrowserApp.SkipReason ?? string.Empty);
        var consoleErrors = new List<string>();
        var page = await app.SignInAsync($"julien.roux@{DemoCompany.EmailDomain}", consoleErrors, DemoCompany.Password);

        await page.GetByRole(AriaRole.Link, new() { Name = "Expression", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".voice-hub")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = BrowserApp.ArtifactPath("voice-hub.png"), FullPage = true });
        await page.Locator(".voice-hub").GetByRole(AriaRole.Link, new() { Name = "Boîte à idées" }).ClickAsync();
        await Assertions.Expect(page.Locator("li.idea").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("li.idea .badge", new() { HasText = "Réalisée" }).First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = BrowserApp.ArtifactPath("voice-ideas.png"), FullPage = false });

        await page.GetByRole(AriaRole.Link, new() { Name = "Proposer une idée" }).First.ClickAsync();
        await page.GetByLabel("Titre").FillAsync("Un potager sur le toit");
        await page.GetByLabel("Description").FillAsync("Des bacs sur la terrasse, entretenus par des **volontaires**.");
        await page.GetByLabel("Tags").FillAsync("rse, jardin");
        await page.GetByRole(AriaRole.Button, new() { Name = "Proposer", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Un potager sur le toit");
        await Assertions.Expect(page.Locator(".idea-description strong")).ToHaveTextAsync("volontaires");
        var address = page.Url;

        var colleague = await app.SignInAsync($"sarah.cohen@{DemoCompany.EmailDomain}", consoleErrors, DemoCompany.Password);
        await colleague.GotoAsync(address);
        await colleague.GetByRole(AriaRole.Button, new() { Name = "Je soutiens" }).ClickAsync();
        await Assertions.Expect(colleague.Locator(".actions strong").First).ToHaveTextAsync("1 vote");
        await Assertions.Expect(colleague.GetByRole(AriaRole.Button, new() { Name = "Soutenue ✓ (retirer)" })).ToBeVisibleAsync();

        await colleague.GetByRole(AriaRole.Link, new() { Name = "Irritants", Exact = true }).ClickAsync();
        await Assertions.Expect(colleague.Locator("li.irritant").First).ToBeVisibleAsync();
        await colleague.GetByRole(AriaRole.Link, new() { Name = "Tendances" }).ClickAsync();
        await Assertions.Expect(colleague.Locator("figure.chart canvas")).ToHaveCountAsync(2);
        await colleague.ScreenshotAsync(new() { Path = BrowserApp.ArtifactPath("voice-irritant-trends.png"), FullPage = true });
        Assert.Empty(consoleErrors);
    }
}
