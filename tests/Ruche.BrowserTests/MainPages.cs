using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Ruche.BrowserTests;

/// <summary>
/// The main pages of the demo company as a person finds them: the fixed addresses, and a post, a space, a team board,
/// an event and a profile found from the pages that list them.
/// </summary>
internal static class MainPages
{
    public static async Task<(string Name, string Path)[]> FindAsync(IPage page)
    {
        var post = await FirstLinkAsync(page, "/", PageLinks.Post());
        var space = await FirstLinkAsync(page, "/spaces", PageLinks.Space());
        var board = await TeamBoardAsync(page);
        var anEvent = await FirstLinkAsync(page, "/events", PageLinks.Event());
        var profile = await FirstLinkAsync(page, "/people", PageLinks.Profile());
        return
        [
            ("home", "/"), ("post", post), ("space", space), ("goals", "/goals"), ("team-board", board), ("events", "/events"),
            ("event", anEvent), ("search", "/search?q=projet"), ("notifications", "/notifications"), ("profile", profile),
            ("settings", "/settings"), ("voice", "/voice"), ("admin", "/admin"),
        ];
    }

    public static async Task<string> FirstLinkAsync(IPage page, string listedOn, Regex kind) =>
        await FirstLinkOrNullAsync(page, listedOn, kind) ?? throw new InvalidOperationException($"{listedOn} links to no page like {kind}.");

    /// <summary>The board of the first team space the page of which leads to one.</summary>
    public static async Task<string> TeamBoardAsync(IPage page)
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
