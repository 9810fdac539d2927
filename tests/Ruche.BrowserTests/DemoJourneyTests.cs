using Microsoft.Playwright;
using Ruche.Demo;

namespace Ruche.BrowserTests;

/// <summary>Ruche as the README's run command starts it: the demo company seeded into an empty database.</summary>
public sealed class DemoBrowserApp : BrowserApp
{
    protected override bool WithDemoCompany => true;
}

/// <summary>A newcomer signs in as a demo employee and reads a French feed full of realistic content.</summary>
public sealed class DemoJourneyTests(DemoBrowserApp app) : IClassFixture<DemoBrowserApp>
{
    [Fact]
    public async Task A_demo_employee_reads_a_full_french_feed_and_finds_a_colleague()
    {
        Assert.SkipWhen(BrowserApp.SkipReason is not null, BrowserApp.SkipReason ?? string.Empty);
        var consoleErrors = new List<string>();
        var page = await app.SignInAsync($"julien.roux@{DemoCompany.EmailDomain}", consoleErrors, DemoCompany.Password);

        var posts = page.Locator("article.post");
        await Assertions.Expect(posts).ToHaveCountAsync(20);
        await Assertions.Expect(page.Locator("a.tag").First).ToBeVisibleAsync();
        await Assertions.Expect(posts.First.Locator(".localtime").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = BrowserApp.ArtifactPath("demo-home.png"), FullPage = false });

        // The older posts are one link away (keyset pagination), and the company feed is full too.
        await page.GetByRole(AriaRole.Link, new() { Name = "Publications plus anciennes" }).ClickAsync();
        await Assertions.Expect(posts.First).ToBeVisibleAsync();
        await page.GotoAsync("/company");
        await Assertions.Expect(posts).ToHaveCountAsync(20);

        // The directory shows the three sites.
        await page.GotoAsync("/people?search=tan");
        await Assertions.Expect(page.Locator(".card", new() { HasText = "Singapour" }).First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = BrowserApp.ArtifactPath("demo-people.png"), FullPage = false });
        Assert.Empty(consoleErrors);
    }
}
