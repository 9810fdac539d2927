using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Ruche.Core.Common;
using Ruche.Core.Spaces;

namespace Ruche.BrowserTests;

/// <summary>
/// Two colleagues edit the same page at once in two browsers: the one who saves second on other lines gets the merge
/// (both changes kept, and told so), the one who sees the other editing is told live, and the history shows both.
/// </summary>
public sealed class WikiJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Two_editors_on_one_page_one_gets_the_merge_and_the_history_shows_both_revisions()
    {
        Assert.SkipWhen(BrowserApp.SkipReason is not null, BrowserApp.SkipReason ?? string.Empty);
        var ana = await app.NewPersonAsync("Ana Rédactrice");
        var bruno = await app.NewPersonAsync("Bruno Relecteur");
        var spaceId = await SpaceForAsync(ana.Id, bruno.Id);
        var consoleErrors = new List<string>();
        var anaPage = await app.SignInAsync(ana.Email, consoleErrors);
        var brunoPage = await app.SignInAsync(bruno.Email, consoleErrors);

        // Ana writes the page from the monthly objectives template.
        await anaPage.GotoAsync($"/spaces/{spaceId}/pages/new?template=objectives-meeting");
        await anaPage.GetByLabel("Titre").FillAsync("Objectifs de janvier");
        await Assertions.Expect(anaPage.Locator("#wiki-text")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("objectifs"));
        await anaPage.Locator("#wiki-text").FillAsync("Point 1 : bilan\nPoint 2 : objectifs\nPoint 3 : divers");
        await anaPage.GetByRole(AriaRole.Button, new() { Name = "Créer la page" }).ClickAsync();
        await Assertions.Expect(anaPage.GetByRole(AriaRole.Heading, new() { Name = "Objectifs de janvier" })).ToBeVisibleAsync();
        var path = new Uri(anaPage.Url).AbsolutePath;

        // Both open the editor on revision 1; Bruno sees live that Ana is editing.
        await brunoPage.GotoAsync(path + "/edit");
        await Assertions.Expect(brunoPage.Locator("html[data-live=connected]")).ToHaveCountAsync(1, new() { Timeout = 15_000 });
        await anaPage.GotoAsync(path + "/edit");
        await Assertions.Expect(brunoPage.Locator("[data-wiki-editors]")).ToContainTextAsync("Ana Rédactrice", new() { Timeout = 15_000 });

        // Nobody is told about themself (the open space's notice goes company-wide, the editor's tab included): Ana
        // announces again, then Bruno; once Ana's tab shows Bruno, it has received and dropped her own news.
        await Assertions.Expect(anaPage.Locator("html[data-live=connected]")).ToHaveCountAsync(1, new() { Timeout = 15_000 });
        Assert.Equal(204, await anaPage.EvaluateAsync<int>(Announce));
        Assert.Equal(204, await brunoPage.EvaluateAsync<int>(Announce));
        await Assertions.Expect(anaPage.Locator("[data-wiki-editors]")).ToContainTextAsync("Bruno Relecteur", new() { Timeout = 15_000 });
        await Assertions.Expect(anaPage.Locator("[data-wiki-editors]")).Not.ToContainTextAsync("Ana Rédactrice");
        await Assertions.Expect(brunoPage.Locator("[data-wiki-editors]")).Not.ToContainTextAsync("Bruno Relecteur");

        // Ana saves first on line 1; Bruno saves on line 3 from revision 1: merged, both kept, and he is told.
        await anaPage.Locator("#wiki-text").FillAsync("Point 1 : bilan de décembre\nPoint 2 : objectifs\nPoint 3 : divers");
        await anaPage.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Assertions.Expect(anaPage.Locator(".wiki-body")).ToContainTextAsync("bilan de décembre");
        await brunoPage.Locator("#wiki-text").FillAsync("Point 1 : bilan\nPoint 2 : objectifs\nPoint 3 : divers et congés");
        await brunoPage.GetByLabel("Résumé de la modification (facultatif)").FillAsync("Congés");
        await brunoPage.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Assertions.Expect(brunoPage.Locator("p.banner.ok")).ToContainTextAsync("Pendant que vous écriviez");
        await Assertions.Expect(brunoPage.Locator(".wiki-body")).ToContainTextAsync("bilan de décembre");
        await Assertions.Expect(brunoPage.Locator(".wiki-body")).ToContainTextAsync("divers et congés");
        await brunoPage.ScreenshotAsync(new() { Path = BrowserApp.ArtifactPath("wiki-merged.png"), FullPage = false });

        // The history lists the three revisions by both, and compares any two.
        await brunoPage.GetByRole(AriaRole.Link, new() { Name = "Historique" }).First.ClickAsync();
        var rows = brunoPage.Locator("table.wiki-history tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(3);
        await Assertions.Expect(rows.Nth(0)).ToContainTextAsync("Bruno Relecteur");
        await Assertions.Expect(rows.Nth(1)).ToContainTextAsync("Ana Rédactrice");
        await Assertions.Expect(brunoPage.Locator(".diff ins").First).ToBeVisibleAsync();

        // On a phone the history does not scroll the page sideways.
        await brunoPage.SetViewportSizeAsync(390, 844);
        await brunoPage.ReloadAsync();
        // Known gap (ADR 25): the history table still widens the page at 390 px; its screenshot is kept to fix it.
        await brunoPage.ScreenshotAsync(new() { Path = BrowserApp.ArtifactPath("wiki-history-phone.png"), FullPage = true });
        Assert.Empty(consoleErrors);
    }

    /// <summary>What the editor's script sends every 30 seconds, sent now; answers the status.</summary>
    private const string Announce = """
        async () => {
          const form = document.querySelector('form[data-wiki-editing]');
          const body = new FormData();
          const token = form.querySelector('input[name="__RequestVerificationToken"]');
          body.append(token.name, token.value);
          const response = await fetch(`/ui/pages/${Number(form.dataset.wikiEditing)}/editing`, { method: 'POST', body, credentials: 'same-origin' });
          return response.status;
        }
        """;

    private async Task<long> SpaceForAsync(long ownerId, long memberId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var spaces = scope.ServiceProvider.GetRequiredService<SpaceService>();
        var space = await spaces.CreateAsync(new Viewer(ownerId, new HashSet<string>()), new NewSpace("Réunions d'équipe", null, SpaceKind.Team, SpaceVisibility.Open), CancellationToken.None);
        await spaces.JoinAsync(new Viewer(memberId, new HashSet<string>()), space.Id, CancellationToken.None);
        return space.Id;
    }
}
