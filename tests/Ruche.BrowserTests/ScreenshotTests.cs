using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Ruche.Demo;

namespace Ruche.BrowserTests;

/// <summary>
/// The main pages of the demo company as the administrator sees them, at desktop (1280×900) and phone (390×844)
/// sizes, saved in artifacts/screenshots for review: a layout that breaks on a phone shows at a glance.
/// </summary>
public sealed partial class ScreenshotTests(DemoBrowserApp app) : IClassFixture<DemoBrowserApp>
{
    private static readonly (string Name, int Width, int Height)[] Sizes = [("desktop", 1280, 900), ("phone", 390, 844)];

    // A long feed is cut at three screens: enough to judge the page, small enough to open.
    private const int ScreensPerShot = 3;

    [Fact]
    public async Task Screenshots_of_the_main_pages_at_desktop_and_phone_sizes()
    {
        Assert.SkipWhen(BrowserApp.SkipReason is not null, BrowserApp.SkipReason ?? string.Empty);
        var consoleErrors = new List<string>();
        var page = await app.SignInAsync($"camille.martin@{DemoCompany.EmailDomain}", consoleErrors, DemoCompany.Password);

        var post = await FirstLinkAsync(page, "/", PageLinks.Post());
        var space = await FirstLinkAsync(page, "/spaces", PageLinks.Space());
        var board = await TeamBoardAsync(page);
        var anEvent = await FirstLinkAsync(page, "/events", PageLinks.Event());
        (string Name, string Path)[] pages =
        [
            ("home", "/"), ("post", post), ("space", space), ("goals", "/goals"), ("team-board", board), ("events", "/events"),
            ("event", anEvent), ("search", "/search?q=projet"), ("notifications", "/notifications"), ("settings", "/settings"),
            ("voice", "/voice"), ("ideas", "/ideas"), ("irritant-trends", "/irritants/trends"), ("surveys", "/surveys"), ("unions", "/unions"), ("admin", "/admin"), ("moderation", "/moderation"), ("not-found", "/no-such-page"),
        ];

        var sideways = new List<string>();
        foreach (var (size, width, height) in Sizes)
        {
            await page.SetViewportSizeAsync(width, height);
            foreach (var (name, path) in pages)
            {
                var response = await page.GotoAsync(path);
                Assert.Equal(name == "not-found" ? 404 : 200, response?.Status);
                await Assertions.Expect(page.Locator("header.top")).ToBeVisibleAsync();
                var pageHeight = await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
                var pageWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
                if (pageWidth > width)
                {
                    sideways.Add($"{name} is {pageWidth} px wide at {size} size ({width} px)");
                }

                await page.ScreenshotAsync(new()
                {
                    Path = BrowserApp.ArtifactPath($"{name}-{size}.png"),
                    FullPage = true,
                    Clip = new() { X = 0, Y = 0, Width = width, Height = Math.Min(pageHeight, ScreensPerShot * height) },
                });
            }
        }

        // A page wider than the screen scrolls sideways on a phone: only a table or the header's nav may scroll, inside.
        Assert.Empty(sideways);

        // Chromium reports the 404 page's own status as a console error; anything else is a fault.
        Assert.DoesNotContain(consoleErrors, error => !error.Contains("status of 404", StringComparison.Ordinal));
    }

    private static async Task<string> FirstLinkAsync(IPage page, string listedOn, Regex kind) =>
        await FirstLinkOrNullAsync(page, listedOn, kind) ?? throw new InvalidOperationException($"{listedOn} links to no page like {kind}.");

    /// <summary>The board of the first team space the page of which leads to one.</summary>
    private static async Task<string> TeamBoardAsync(IPage page)
    {
        foreach (var space in (await LinksAsync(page, "/spaces")).Where(href => PageLinks.Space().IsMatch(href)).Distinct())
        {
            var board = await FirstLinkOrNullAsync(page, space, PageLinks.Board());
            if (board is not null)
            {
                return board;
            }
        }

        throw new InvalidOperationException("No team space leads to a team board.");
    }

    private static async Task<string?> FirstLinkOrNullAsync(IPage page, string listedOn, Regex kind) =>
        (await LinksAsync(page, listedOn)).FirstOrDefault(href => kind.IsMatch(href));

    private static async Task<string[]> LinksAsync(IPage page, string listedOn)
    {
        await page.GotoAsync(listedOn);
        return await page.Locator("main a[href]").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
    }
}
