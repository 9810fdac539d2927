using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Ruche.Core.Common;
using Ruche.Core.Spaces;

namespace Ruche.BrowserTests;

/// <summary>The daily goals in a real browser: post three goals, a colleague suggests a change, the owner accepts it, the board shows it.</summary>
public sealed class GoalsJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Three_goals_a_suggestion_accepted_and_the_team_board()
    {
        Assert.SkipWhen(BrowserApp.SkipReason is not null, BrowserApp.SkipReason ?? string.Empty);
        var owner = await app.NewPersonAsync("Inès Garnier");
        var colleague = await app.NewPersonAsync("Paul Renard");
        long spaceId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var spaces = scope.ServiceProvider.GetRequiredService<SpaceService>();
            var viewer = new Viewer(owner.Id, new HashSet<string>());
            var team = await spaces.CreateAsync(viewer, new NewSpace("Équipe Orion", null, SpaceKind.Team, SpaceVisibility.Private), CancellationToken.None);
            await spaces.AddMemberAsync(viewer, team.Id, colleague.Id, CancellationToken.None);
            spaceId = team.Id;
        }

        var consoleErrors = new List<string>();
        var ownerPage = await app.SignInAsync(owner.Email, consoleErrors);
        await ownerPage.GetByRole(AriaRole.Link, new() { Name = "Mes 3 objectifs" }).ClickAsync();
        await ownerPage.GetByLabel("Objectif 1").FillAsync("Boucler la maquette du portail");
        await ownerPage.GetByLabel("Objectif 2").FillAsync("Relire la PR de Paul");
        await ownerPage.GetByLabel("Objectif 3").FillAsync("Préparer la rétro");
        await ownerPage.GetByRole(AriaRole.Button, new() { Name = "Publier mes objectifs" }).ClickAsync();
        var list = ownerPage.Locator("section.goals");
        await Assertions.Expect(list.Locator("li.goal")).ToHaveCountAsync(3);
        await Assertions.Expect(ownerPage.Locator("article.post a.tag", new() { HasText = "#3goalsaday" }).First).ToBeVisibleAsync();

        // Paul sees the goals on the team board, opens the post and suggests something else for the retro.
        var colleaguePage = await app.SignInAsync(colleague.Email, consoleErrors);
        await colleaguePage.GotoAsync($"/spaces/{spaceId}/goals");
        await Assertions.Expect(colleaguePage.Locator("table.board")).ToContainTextAsync("Préparer la rétro");
        await colleaguePage.GetByRole(AriaRole.Link, new() { Name = "Commenter" }).ClickAsync();
        var retro = colleaguePage.Locator("li.goal", new() { HasText = "Préparer la rétro" });
        await retro.Locator("summary").ClickAsync();
        await retro.GetByLabel("Objectif suggéré").FillAsync("Aider le support sur l'incident");
        await retro.GetByLabel("Pourquoi (facultatif)").FillAsync("La rétro peut attendre");
        await retro.GetByRole(AriaRole.Button, new() { Name = "Envoyer la suggestion" }).ClickAsync();
        await Assertions.Expect(colleaguePage.Locator("li.suggestion", new() { HasText = "Aider le support sur l'incident" })).ToBeVisibleAsync();

        // Inès accepts it in place of the retro: the list shows the change, and who suggested it.
        await ownerPage.GotoAsync("/goals");
        await ownerPage.GetByRole(AriaRole.Button, new() { Name = "Accepter à la place" }).ClickAsync();
        await Assertions.Expect(ownerPage.Locator("li.goal.status-replaced", new() { HasText = "Préparer la rétro" })).ToBeVisibleAsync();
        await Assertions.Expect(ownerPage.Locator("li.goal", new() { HasText = "suggéré par Paul Renard" })).ToContainTextAsync("Aider le support sur l'incident");
        await ownerPage.Locator("li.goal", new() { HasText = "Boucler la maquette" }).GetByRole(AriaRole.Button, new() { Name = "Fait" }).ClickAsync();

        // The board shows the accepted suggestion and each goal, never a member's tally (no activity score).
        await colleaguePage.GotoAsync($"/spaces/{spaceId}/goals");
        var row = colleaguePage.Locator("table.board tr", new() { HasText = "Inès Garnier" });
        await Assertions.Expect(row).ToContainTextAsync("Aider le support sur l'incident");
        await Assertions.Expect(row).ToContainTextAsync("Boucler la maquette");
        await Assertions.Expect(row).Not.ToContainTextAsync("1/3");
        await Assertions.Expect(row).Not.ToContainTextAsync("1 sur 3");
        await colleaguePage.ScreenshotAsync(new() { Path = BrowserApp.ArtifactPath("goals-board.png"), FullPage = true });
        Assert.Empty(consoleErrors);
    }
}
