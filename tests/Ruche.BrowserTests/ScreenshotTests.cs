using Microsoft.Playwright;
using Ruche.Demo;

namespace Ruche.BrowserTests;

/// <summary>
/// The main pages of the demo company as the administrator sees them, at desktop (1280×900) and phone (390×844)
/// sizes, in the light theme and (for the main ones) the dark theme, saved in artifacts/screenshots for review: a layout that breaks on a phone shows at a glance.
/// </summary>
public sealed class ScreenshotTests(DemoBrowserApp app) : IClassFixture<DemoBrowserApp>
{
    private static readonly (string Name, int Width, int Height)[] Sizes = [("desktop", 1280, 900), ("phone", 390, 844)];

    private static readonly string[] Themes = ["light", "dark"];

    // A long feed is cut at three screens: enough to judge the page, small enough to open.
    private const int ScreensPerShot = 3;

    [Fact]
    public async Task Screenshots_of_the_main_pages_at_desktop_and_phone_sizes()
    {
        Assert.SkipWhen(BrowserApp.SkipReason is not null, BrowserApp.SkipReason ?? string.Empty);
        var consoleErrors = new List<string>();
        var page = await app.SignInAsync($"camille.martin@{DemoCompany.EmailDomain}", consoleErrors, DemoCompany.Password);

        var main = await MainPages.FindAsync(page);
        (string Name, string Path)[] pages =
        [
            .. main, ("ideas", "/ideas"), ("irritant-trends", "/irritants/trends"), ("surveys", "/surveys"), ("unions", "/unions"),
            ("moderation", "/moderation"), ("styleguide", "/styleguide"), ("not-found", "/no-such-page"),
        ];

        // The dark theme, chosen in Ruche (the cookie the theme switch sets), for the pages the issue lists.
        string[] inDark = ["home", "space", "goals", "team-board", "event", "search", "notifications", "profile", "styleguide"];

        var sideways = new List<string>();
        foreach (var (theme, size, width, height) in Themes.SelectMany(t => Sizes.Select(s => (t, s.Name, s.Width, s.Height))))
        {
            await page.Context.AddCookiesAsync([new() { Name = "ruche-theme", Value = theme, Url = app.BaseAddress.ToString() }]);
            await page.SetViewportSizeAsync(width, height);
            foreach (var (name, path) in theme == "light" ? pages : pages.Where(p => inDark.Contains(p.Name)))
            {
                var response = await page.GotoAsync(path);
                Assert.Equal(name == "not-found" ? 404 : 200, response?.Status);
                await Assertions.Expect(page.Locator("header.top")).ToBeVisibleAsync();
                var pageHeight = await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
                var pageWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
                if (pageWidth > width)
                {
                    sideways.Add($"{name} is {pageWidth} px wide at {size} size ({width} px, {theme})");
                }

                await page.ScreenshotAsync(new()
                {
                    Path = BrowserApp.ArtifactPath(theme == "light" ? $"{name}-{size}.png" : $"{name}-{size}-dark.png"),
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
}
