using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Ruche.Core.Data;
using Ruche.Core.Polls;

namespace Ruche.BrowserTests;

/// <summary>A newcomer to the demo company votes in the Café's named poll and in its anonymous one, and sees the results.</summary>
public sealed class PollJourneyTests(DemoBrowserApp app) : IClassFixture<DemoBrowserApp>
{
    [Fact]
    public async Task A_colleague_votes_in_the_demo_polls_and_sees_the_results()
    {
        Assert.SkipWhen(BrowserApp.SkipReason is not null, BrowserApp.SkipReason ?? string.Empty);
        var (named, anonymous) = await DemoPollPostsAsync();
        var person = await app.NewPersonAsync("Léa Votante");
        var consoleErrors = new List<string>();
        var page = await app.SignInAsync(person.Email, consoleErrors);

        // Named: choose, vote, see one's choice, the chart and who voted; the vote can still change.
        await page.GotoAsync($"/posts/{named}");
        var poll = page.Locator("section.poll");
        await Assertions.Expect(poll).ToContainTextAsync("changer votre vote jusqu'à la clôture");
        await poll.GetByLabel("Vendredi 17 h").CheckAsync();
        await poll.GetByRole(AriaRole.Button, new() { Name = "Voter" }).ClickAsync();
        await Assertions.Expect(poll.Locator(".poll-voted")).ToContainTextAsync("Vendredi 17 h");
        await Assertions.Expect(poll.Locator(".poll-voters")).ToContainTextAsync("Léa Votante");
        await Assertions.Expect(poll.Locator("canvas")).ToBeVisibleAsync();
        await Assertions.Expect(poll.GetByRole(AriaRole.Button, new() { Name = "Changer mon vote" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = BrowserApp.ArtifactPath("poll-named.png"), FullPage = false });

        // Anonymous: results wait for the vote; the receipt is shown once; counts move by batches of five.
        await page.GotoAsync($"/posts/{anonymous}");
        poll = page.Locator("section.poll");
        await Assertions.Expect(poll).ToContainTextAsync("comptés par lots tirés au hasard");
        await Assertions.Expect(poll).ToContainTextAsync("Les résultats s'affichent une fois que vous avez voté.");
        await Assertions.Expect(poll.Locator("table.chart-data")).ToHaveCountAsync(0);
        await poll.GetByLabel("Soutenable, avec des pics").CheckAsync();
        await poll.GetByRole(AriaRole.Button, new() { Name = "Voter" }).ClickAsync();
        var code = page.Locator("[data-receipt]");
        await Assertions.Expect(code).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[A-Z2-9]{10}$"));
        var receipt = await code.TextContentAsync();
        await page.ScreenshotAsync(new() { Path = BrowserApp.ArtifactPath("poll-receipt.png"), FullPage = false });
        await page.GetByRole(AriaRole.Link, new() { Name = "Revenir au sondage" }).ClickAsync();
        poll = page.Locator("section.poll");
        await Assertions.Expect(poll.Locator(".poll-voted")).ToContainTextAsync("Vous avez voté.");
        await Assertions.Expect(poll.Locator("canvas")).ToBeVisibleAsync();
        await Assertions.Expect(poll).Not.ToContainTextAsync(receipt!);

        // On a phone, the poll and its chart fit the width.
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync($"/posts/{named}");
        await Assertions.Expect(page.Locator("section.poll canvas")).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"), "The poll scrolls sideways on a phone.");
        await page.Locator("section.poll").ScreenshotAsync(new() { Path = BrowserApp.ArtifactPath("poll-phone.png") });

        await page.GotoAsync($"/polls/{await PollIdAsync(anonymous)}/receipt");
        await page.GetByLabel("Code du reçu").FillAsync(receipt!);
        await page.GetByRole(AriaRole.Button, new() { Name = "Vérifier" }).ClickAsync();
        await Assertions.Expect(page.Locator(".poll-receipt-state")).ToBeVisibleAsync();
        Assert.Empty(consoleErrors);
    }

    private async Task<(long Named, long Anonymous)> DemoPollPostsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RucheDbContext>();
        var open = await db.Set<Poll>().Where(p => p.ClosedAt == null && p.Post!.Space!.IsDefault).Select(p => new { p.PostId, p.Anonymous }).ToListAsync();
        return (open.Single(p => !p.Anonymous).PostId, open.Single(p => p.Anonymous).PostId);
    }

    private async Task<long> PollIdAsync(long postId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RucheDbContext>().Set<Poll>().Where(p => p.PostId == postId).Select(p => p.Id).SingleAsync();
    }
}
