using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Ruche.BrowserTests;

/// <summary>The main journey in a real browser: sign in, post with a #tag and an @mention, a follower sees it, comments and reacts.</summary>
public sealed partial class PostingJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_follower_sees_a_tagged_post_with_a_mention_then_comments_and_reacts()
    {
        Assert.SkipWhen(BrowserApp.SkipReason is not null, BrowserApp.SkipReason ?? string.Empty);
        var ana = await app.NewPersonAsync("Ana Lopes");
        var bruno = await app.NewPersonAsync("Bruno Petit");

        // Bruno follows Ana from her profile page.
        var brunoPage = await SignInAsync(bruno.Email);
        await brunoPage.GotoAsync($"/people/{ana.Handle}");
        await brunoPage.GetByRole(AriaRole.Button, new() { Name = "Suivre", Exact = true }).ClickAsync();
        await Assertions.Expect(brunoPage.GetByRole(AriaRole.Button, new() { Name = "Ne plus suivre" })).ToBeVisibleAsync();

        // Ana posts with a tag and a mention of Bruno.
        var anaPage = await SignInAsync(ana.Email);
        await anaPage.GetByLabel("Votre publication").FillAsync($"Démo du #projetatlas vendredi, merci @{bruno.Handle} !");
        await anaPage.GetByRole(AriaRole.Button, new() { Name = "Publier" }).ClickAsync();
        var anaPost = anaPage.Locator("article.post").First;
        await Assertions.Expect(anaPost).ToContainTextAsync("Démo du #projetatlas vendredi");
        await Assertions.Expect(anaPost.Locator("a.mention")).ToHaveAttributeAsync("href", $"/people/{bruno.Handle}");

        // Bruno sees it on his home feed, with the tag and mention linked.
        await brunoPage.GotoAsync("/");
        var post = brunoPage.Locator("article.post", new() { HasText = "Démo du #projetatlas vendredi" });
        await Assertions.Expect(post).ToBeVisibleAsync();
        await Assertions.Expect(post.Locator("a.tag", new() { HasText = "#projetatlas" }).First).ToHaveAttributeAsync("href", "/tags/projetatlas");

        // He reacts: the count goes to 1 and the button shows it is his.
        await post.Locator("button[data-reaction=celebrate]").ClickAsync();
        post = brunoPage.Locator("article.post", new() { HasText = "Démo du #projetatlas vendredi" });
        await Assertions.Expect(post.Locator("button[data-reaction=celebrate]")).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(post.Locator("button[data-reaction=celebrate] .count")).ToHaveTextAsync("1");

        // He comments from the post's page.
        await post.Locator("a.comments").ClickAsync();
        await brunoPage.GetByLabel("Votre commentaire").FillAsync("J'y serai, merci !");
        await brunoPage.GetByRole(AriaRole.Button, new() { Name = "Envoyer" }).Last.ClickAsync();
        await Assertions.Expect(brunoPage.Locator(".comment", new() { HasText = "J'y serai, merci !" })).ToBeVisibleAsync();
        await Assertions.Expect(brunoPage.GetByRole(AriaRole.Heading, new() { NameRegex = CommentCount() })).ToBeVisibleAsync();

        // Ana's feed shows the comment count and the reaction.
        await anaPage.GotoAsync("/");
        var mine = anaPage.Locator("article.post", new() { HasText = "Démo du #projetatlas vendredi" });
        await Assertions.Expect(mine.Locator("a.comments")).ToContainTextAsync("1");
        await Assertions.Expect(mine.Locator("button[data-reaction=celebrate] .count")).ToHaveTextAsync("1");

        await brunoPage.GotoAsync("/");
        await brunoPage.ScreenshotAsync(new() { Path = BrowserApp.ArtifactPath("home-feed.png"), FullPage = true });

        // Bruno finds the post again from the header's search box, the match highlighted.
        var searchBox = brunoPage.Locator("header").GetByLabel("Rechercher dans Ruche");
        await searchBox.FillAsync("vendredis démo");
        await searchBox.PressAsync("Enter");
        var result = brunoPage.Locator("li.result", new() { HasText = "projetatlas" });
        await Assertions.Expect(result.Locator("mark", new() { HasText = "vendredi" })).ToBeVisibleAsync();
        await Assertions.Expect(result.Locator("mark", new() { HasText = "Démo" })).ToBeVisibleAsync();
        await brunoPage.ScreenshotAsync(new() { Path = BrowserApp.ArtifactPath("search.png"), FullPage = true });
        Assert.Empty(consoleErrors);
    }

    private readonly List<string> consoleErrors = [];

    private Task<IPage> SignInAsync(string email) => app.SignInAsync(email, consoleErrors);

    [GeneratedRegex("1 commentaire")]
    private static partial Regex CommentCount();
}
