using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Ruche.Core.Access;
using Ruche.Core.Common;
using Ruche.Core.Spaces;

namespace Ruche.BrowserTests;

/// <summary>
/// A new person invited by an administrator goes through the welcome path on a phone (390×844): skips the photo, gives
/// a job, keeps the time zone the browser proposed, joins a space, skips the people step and goes to write today's goals.
/// </summary>
public sealed class OnboardingJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task An_invited_person_goes_through_the_welcome_path_on_a_phone()
    {
        Assert.SkipWhen(BrowserApp.SkipReason is not null, BrowserApp.SkipReason ?? string.Empty);
        var admin = await app.NewPersonAsync("Agnès Admin");
        var spaceName = "Club photo " + Guid.NewGuid().ToString("N")[..4];
        string token;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var viewer = new Viewer(admin.Id, new HashSet<string> { RoleNames.Administrator });
            token = (await scope.ServiceProvider.GetRequiredService<AccountService>().InviteAsync(viewer, $"{Guid.NewGuid():N}@browser.ruche", CancellationToken.None)).Token;
            await scope.ServiceProvider.GetRequiredService<SpaceService>()
                .CreateAsync(new Viewer(admin.Id, new HashSet<string>()), new NewSpace(spaceName, "Sorties et expositions", SpaceKind.Interest, SpaceVisibility.Open), CancellationToken.None);
        }

        var consoleErrors = new List<string>();
        var context = await app.Browser.NewContextAsync(new()
        {
            BaseURL = app.BaseAddress.ToString(),
            Locale = "fr-FR",
            TimezoneId = "Asia/Singapore",
            ViewportSize = new() { Width = 390, Height = 844 },
            IsMobile = true,
            HasTouch = true,
        });
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (consoleErrors)
                {
                    consoleErrors.Add(message.Text);
                }
            }
        };

        await page.GotoAsync($"/invitation/{Uri.EscapeDataString(token)}");
        await page.GetByLabel("Nom affiché").FillAsync("Léa Nouvelle");
        await page.GetByLabel("Mot de passe").FillAsync("Bienvenue-2026!");
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer mon compte" }).ClickAsync();

        // Sent to the welcome path, on its first step.
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/welcome$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Une photo pour qu'on vous reconnaisse" })).ToBeVisibleAsync();
        await CheckFitsAsync(page, "welcome-photo");
        await page.GetByRole(AriaRole.Button, new() { Name = "Passer cette étape" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Votre poste" })).ToBeVisibleAsync();
        await page.Locator("#welcome-job").FillAsync("Chargée de communication");
        await CheckFitsAsync(page, "welcome-job");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continuer" }).ClickAsync();

        // The browser's own zone is proposed (the account was created with Paris).
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Votre fuseau horaire" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#welcome-tz")).ToHaveValueAsync("Asia/Singapore");
        await Assertions.Expect(page.Locator("[data-browser-timezone-hint]")).ToBeVisibleAsync();
        await CheckFitsAsync(page, "welcome-timezone");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continuer" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Des espaces à rejoindre" })).ToBeVisibleAsync();
        await page.Locator("label.welcome-choice", new() { HasText = spaceName }).ClickAsync();
        await CheckFitsAsync(page, "welcome-spaces");
        await page.GetByRole(AriaRole.Button, new() { Name = "Rejoindre la sélection" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Des collègues à suivre" })).ToBeVisibleAsync();
        await CheckFitsAsync(page, "welcome-people");
        await page.GetByRole(AriaRole.Button, new() { Name = "Passer cette étape" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "La routine des 3 objectifs" })).ToBeVisibleAsync();
        await CheckFitsAsync(page, "welcome-goals");
        await page.GetByRole(AriaRole.Button, new() { Name = "Écrire mes objectifs du jour" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/goals$"));

        // Done: the profile holds what was chosen, and the home page no longer offers the path.
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("[data-onboarding-card]")).ToHaveCountAsync(0);
        await page.GotoAsync("/spaces");
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync(spaceName);
        await page.GotoAsync("/settings/profile");
        await Assertions.Expect(page.Locator("#p-title")).ToHaveValueAsync("Chargée de communication");
        await Assertions.Expect(page.Locator("#p-tz")).ToHaveValueAsync("Asia/Singapore");
        Assert.Empty(consoleErrors);
        await context.CloseAsync();
    }

    /// <summary>Nothing wider than the phone's screen; a screenshot of the step for the artifacts.</summary>
    private static async Task CheckFitsAsync(IPage page, string name)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"{name} is {overflow} px wider than the screen.");
        await page.ScreenshotAsync(new() { Path = BrowserApp.ArtifactPath($"onboarding-{name}-390.png"), FullPage = true });
    }
}
