using Microsoft.Playwright;

namespace Ruche.BrowserTests;

/// <summary>
/// Live updates in a real browser: a colleague's post is announced by a bar on the open home feed (the feed does not
/// jump), the bar loads it, and reaction and comment counts follow without reloading.
/// </summary>
public sealed class LiveFeedTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private readonly List<string> consoleErrors = [];

    [Fact]
    public async Task A_colleague_post_is_announced_on_the_open_home_feed_and_its_counts_follow()
    {
        Assert.SkipWhen(BrowserApp.SkipReason is not null, BrowserApp.SkipReason ?? string.Empty);
        var ana = await app.NewPersonAsync("Ana Live");
        var bruno = await app.NewPersonAsync("Bruno Live");

        var brunoPage = await app.SignInAsync(bruno.Email, consoleErrors);
        await brunoPage.GotoAsync($"/people/{ana.Handle}");
        await brunoPage.GetByRole(AriaRole.Button, new() { Name = "Suivre", Exact = true }).ClickAsync();
        await Assertions.Expect(brunoPage.GetByRole(AriaRole.Button, new() { Name = "Ne plus suivre" })).ToBeVisibleAsync();
        await brunoPage.GotoAsync("/");
        await Assertions.Expect(brunoPage.Locator("html[data-live=connected]")).ToHaveCountAsync(1);
        await brunoPage.EvaluateAsync("() => { window.stillTheSamePage = true; }");
        var bar = brunoPage.Locator("[data-live-bar] a");
        await Assertions.Expect(bar).ToBeHiddenAsync();

        // Ana posts twice: Bruno's open feed announces them without moving.
        var anaPage = await app.SignInAsync(ana.Email, consoleErrors);
        await PostAsync(anaPage, "Premier essai du direct");
        await Assertions.Expect(bar).ToBeVisibleAsync();
        await Assertions.Expect(bar).ToHaveTextAsync("1 nouvelle publication — afficher");
        await PostAsync(anaPage, "Second essai du direct");
        await Assertions.Expect(bar).ToHaveTextAsync("2 nouvelles publications — afficher");
        Assert.True(await brunoPage.EvaluateAsync<bool>("() => window.stillTheSamePage === true"));
        await Assertions.Expect(brunoPage.Locator("article.post", new() { HasText = "essai du direct" })).ToHaveCountAsync(0);
        await brunoPage.ScreenshotAsync(new() { Path = BrowserApp.ArtifactPath("live-new-posts-bar.png") });

        // The bar loads the feed with both posts.
        await bar.ClickAsync();
        var first = brunoPage.Locator("article.post", new() { HasText = "Premier essai du direct" });
        await Assertions.Expect(first).ToBeVisibleAsync();
        await Assertions.Expect(brunoPage.Locator("article.post", new() { HasText = "Second essai du direct" })).ToBeVisibleAsync();
        await Assertions.Expect(brunoPage.Locator("[data-live-bar] a")).ToBeHiddenAsync();
        await Assertions.Expect(brunoPage.Locator("html[data-live=connected]")).ToHaveCountAsync(1);
        await brunoPage.EvaluateAsync("() => { window.stillTheSamePage = true; }");

        // Ana reacts and comments: the counts on Bruno's page follow.
        var anaFirst = anaPage.Locator("article.post", new() { HasText = "Premier essai du direct" });
        await anaFirst.Locator("button[data-reaction=celebrate]").ClickAsync();
        await Assertions.Expect(first.Locator("button[data-reaction=celebrate] .count")).ToHaveTextAsync("1");
        await anaPage.Locator("article.post", new() { HasText = "Premier essai du direct" }).Locator("a.comments").ClickAsync();
        await anaPage.GetByLabel("Votre commentaire").FillAsync("Et un commentaire en direct");
        await anaPage.GetByRole(AriaRole.Button, new() { Name = "Envoyer" }).Last.ClickAsync();
        await Assertions.Expect(first.Locator("a.comments")).ToHaveTextAsync("💬 1 commentaire");
        Assert.True(await brunoPage.EvaluateAsync<bool>("() => window.stillTheSamePage === true"));

        await brunoPage.ScreenshotAsync(new() { Path = BrowserApp.ArtifactPath("live-counts.png") });
        Assert.Empty(consoleErrors);
    }

    [Fact]
    public async Task A_new_comment_is_offered_on_the_open_post_page_without_moving_it()
    {
        Assert.SkipWhen(BrowserApp.SkipReason is not null, BrowserApp.SkipReason ?? string.Empty);
        var ana = await app.NewPersonAsync("Ana Fil");
        var bruno = await app.NewPersonAsync("Bruno Fil");
        var anaPage = await app.SignInAsync(ana.Email, consoleErrors);
        await PostAsync(anaPage, "Qui relit la note de cadrage ?");
        await anaPage.Locator("article.post", new() { HasText = "Qui relit la note de cadrage ?" }).Locator("a.comments").ClickAsync();
        var postPath = new Uri(anaPage.Url).AbsolutePath;

        var brunoPage = await app.SignInAsync(bruno.Email, consoleErrors);
        await brunoPage.GotoAsync(postPath);
        await Assertions.Expect(brunoPage.Locator("html[data-live=connected]")).ToHaveCountAsync(1);
        await brunoPage.EvaluateAsync("() => { window.stillTheSamePage = true; }");
        var bar = brunoPage.Locator("[data-live-comments] a");
        await Assertions.Expect(bar).ToBeHiddenAsync();

        await anaPage.GetByLabel("Votre commentaire").FillAsync("Je m'en charge demain matin");
        await anaPage.GetByRole(AriaRole.Button, new() { Name = "Envoyer" }).Last.ClickAsync();

        await Assertions.Expect(bar).ToHaveTextAsync("1 nouveau commentaire — afficher");
        await Assertions.Expect(brunoPage.GetByText("Je m'en charge demain matin")).ToHaveCountAsync(0);
        Assert.True(await brunoPage.EvaluateAsync<bool>("() => window.stillTheSamePage === true"));

        await bar.ClickAsync();
        await Assertions.Expect(brunoPage.GetByText("Je m'en charge demain matin")).ToBeVisibleAsync();
        await Assertions.Expect(brunoPage.Locator("[data-live-comments] a")).ToBeHiddenAsync();
        Assert.Empty(consoleErrors);
    }

    private static async Task PostAsync(IPage page, string text)
    {
        await page.GotoAsync("/");
        await page.GetByLabel("Votre publication").FillAsync(text);
        await page.GetByRole(AriaRole.Button, new() { Name = "Publier" }).ClickAsync();
        await Assertions.Expect(page.Locator("article.post", new() { HasText = text })).ToBeVisibleAsync();
    }
}
