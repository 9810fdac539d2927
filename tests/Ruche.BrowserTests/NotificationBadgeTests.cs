using Microsoft.Playwright;

namespace Ruche.BrowserTests;

/// <summary>The header's unread badge follows live in a real browser (under the strict CSP), and leads to the centre.</summary>
public sealed class NotificationBadgeTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private readonly List<string> consoleErrors = [];

    [Fact]
    public async Task A_reaction_lights_the_authors_badge_without_reload()
    {
        Assert.SkipWhen(BrowserApp.SkipReason is not null, BrowserApp.SkipReason ?? string.Empty);
        var ana = await app.NewPersonAsync("Ana Badge");
        var bruno = await app.NewPersonAsync("Bruno Badge");

        var anaPage = await app.SignInAsync(ana.Email, consoleErrors);
        await anaPage.GotoAsync("/");
        await anaPage.GetByLabel("Votre publication").FillAsync("Qui aime les badges ?");
        await anaPage.GetByRole(AriaRole.Button, new() { Name = "Publier" }).ClickAsync();
        await Assertions.Expect(anaPage.Locator("article.post", new() { HasText = "Qui aime les badges ?" })).ToBeVisibleAsync();
        await Assertions.Expect(anaPage.Locator("html[data-live=connected]")).ToHaveCountAsync(1);
        var badge = anaPage.Locator("[data-notification-badge]");
        await Assertions.Expect(badge).ToBeHiddenAsync();

        var brunoPage = await app.SignInAsync(bruno.Email, consoleErrors);
        await brunoPage.GotoAsync($"/people/{ana.Handle}");
        await brunoPage.Locator("article.post", new() { HasText = "Qui aime les badges ?" }).Locator("button[data-reaction=celebrate]").ClickAsync();

        await Assertions.Expect(badge).ToBeVisibleAsync();
        await Assertions.Expect(badge).ToHaveTextAsync("1");
        await anaPage.Locator("header nav a[href='/notifications']").ClickAsync();
        await Assertions.Expect(anaPage.Locator(".notifications li.unread")).ToContainTextAsync("a réagi à votre publication");
        await anaPage.ScreenshotAsync(new() { Path = BrowserApp.ArtifactPath("notifications-centre.png") });
        Assert.Empty(consoleErrors);
    }
}
