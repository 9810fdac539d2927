using Microsoft.Playwright;

namespace Ruche.BrowserTests;

/// <summary>
/// Writing and reading in a real browser: reactions and goal check-offs act in place (and by reload without JavaScript),
/// @-suggestions by keyboard, images dropped or pasted into the composer with their description, and the lightbox.
/// </summary>
public sealed class WritingJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    // A 1×1 PNG.
    private const string PngBase64 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

    private readonly List<string> consoleErrors = [];

    [Fact]
    public async Task Reacting_and_checking_a_goal_off_change_the_page_without_leaving_it()
    {
        Assert.SkipWhen(BrowserApp.SkipReason is not null, BrowserApp.SkipReason ?? string.Empty);
        var owner = await app.NewPersonAsync("Nadia Roussel");
        var page = await app.SignInAsync(owner.Email, consoleErrors);
        await PostGoalsAsync(page);
        await page.GetByLabel("Votre publication").FillAsync("Réagissez à ce message en place");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publier" }).ClickAsync();
        var post = page.Locator("article.post", new() { HasText = "Réagissez à ce message en place" });
        await Assertions.Expect(post).ToBeVisibleAsync();

        await page.EvaluateAsync("() => { window.__marker = 'still-here'; }");
        await post.Locator("button[data-reaction=like]").ClickAsync();
        await Assertions.Expect(post.Locator("button[data-reaction=like]")).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(post.Locator("button[data-reaction=like] .count")).ToHaveTextAsync("1");
        Assert.Equal("still-here", await page.EvaluateAsync<string>("() => window.__marker"));
        // The focus stays on the button pressed, now the fresh one.
        Assert.Equal("like", await page.EvaluateAsync<string>("() => document.activeElement?.dataset.reaction"));

        await post.Locator("button[data-reaction=like]").ClickAsync();
        await Assertions.Expect(post.Locator("button[data-reaction=like] .count")).ToHaveTextAsync("0");
        Assert.Equal("still-here", await page.EvaluateAsync<string>("() => window.__marker"));

        await page.GotoAsync("/goals");
        await page.EvaluateAsync("() => { window.__marker = 'goals'; }");
        var goal = page.Locator("li.goal", new() { HasText = "Relire le contrat" });
        await goal.GetByRole(AriaRole.Button, new() { Name = "Fait" }).ClickAsync();
        await Assertions.Expect(page.Locator("li.goal.status-done", new() { HasText = "Relire le contrat" })).ToBeVisibleAsync();
        Assert.Equal("goals", await page.EvaluateAsync<string>("() => window.__marker"));
        Assert.Empty(consoleErrors);
    }

    [Fact]
    public async Task Without_javascript_the_same_forms_work_by_reloading_the_page()
    {
        Assert.SkipWhen(BrowserApp.SkipReason is not null, BrowserApp.SkipReason ?? string.Empty);
        var owner = await app.NewPersonAsync("Hugo Lambert");
        var context = await app.Browser.NewContextAsync(new() { BaseURL = app.BaseAddress.ToString(), Locale = "fr-FR", JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");
        await page.GetByLabel("Adresse e-mail").FillAsync(owner.Email);
        await page.GetByLabel("Mot de passe").FillAsync(BrowserApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Fil d'actualité" })).ToBeVisibleAsync();

        // No toolbar without the script that would run it.
        await Assertions.Expect(page.Locator(".md-bar")).ToBeHiddenAsync();
        await PostGoalsAsync(page);
        await page.GetByLabel("Votre publication").FillAsync("Sans JavaScript aussi");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publier" }).ClickAsync();
        var post = page.Locator("article.post", new() { HasText = "Sans JavaScript aussi" });
        await post.Locator("button[data-reaction=celebrate]").ClickAsync();
        await Assertions.Expect(post.Locator("button[data-reaction=celebrate]")).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(post.Locator("button[data-reaction=celebrate] .count")).ToHaveTextAsync("1");

        await page.GotoAsync("/goals");
        await page.Locator("li.goal", new() { HasText = "Relire le contrat" }).GetByRole(AriaRole.Button, new() { Name = "Fait" }).ClickAsync();
        await Assertions.Expect(page.Locator("li.goal.status-done", new() { HasText = "Relire le contrat" })).ToBeVisibleAsync();
        await context.CloseAsync();
    }

    [Fact]
    public async Task A_mention_is_suggested_and_inserted_from_the_keyboard()
    {
        Assert.SkipWhen(BrowserApp.SkipReason is not null, BrowserApp.SkipReason ?? string.Empty);
        var writer = await app.NewPersonAsync("Léa Fontaine");
        var colleague = await app.NewPersonAsync("Maxence Quibert");
        var page = await app.SignInAsync(writer.Email, consoleErrors);

        var box = page.GetByLabel("Votre publication");
        await box.ClickAsync();
        await box.PressSequentiallyAsync("Merci @Quib");
        var option = page.Locator("[role=listbox] [role=option]", new() { HasText = "Maxence Quibert" });
        await Assertions.Expect(option).ToBeVisibleAsync();
        await Assertions.Expect(box).ToHaveAttributeAsync("aria-expanded", "true");
        // The first suggestion is highlighted as the list opens: Enter takes it.
        await Assertions.Expect(option).ToHaveAttributeAsync("aria-selected", "true");
        await box.PressAsync("Enter");
        await Assertions.Expect(box).ToHaveValueAsync($"Merci @{colleague.Handle} ");
        await Assertions.Expect(box).ToHaveAttributeAsync("aria-expanded", "false");

        // The preview is the server's rendering: the mention shows the person's name.
        await page.GetByRole(AriaRole.Tab, new() { Name = "Aperçu" }).ClickAsync();
        await Assertions.Expect(page.Locator(".md-preview a.mention")).ToContainTextAsync("Maxence Quibert");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Écrire" }).ClickAsync();
        await box.PressAsync("Control+Enter");
        await Assertions.Expect(page.Locator("article.post a.mention", new() { HasText = "Maxence Quibert" }).First).ToBeVisibleAsync();
        Assert.Empty(consoleErrors);
    }

    [Fact]
    public async Task Images_dropped_and_pasted_are_previewed_described_posted_and_open_in_a_lightbox()
    {
        Assert.SkipWhen(BrowserApp.SkipReason is not null, BrowserApp.SkipReason ?? string.Empty);
        var writer = await app.NewPersonAsync("Sacha Meunier");
        var page = await app.SignInAsync(writer.Email, consoleErrors);
        await page.GetByLabel("Votre publication").FillAsync("Photos de l'atelier");

        // One image dropped on the composer, two pasted into the text.
        await page.EvaluateAsync(
            """
            (base64) => {
              const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
              const file = (name) => new File([bytes], name, { type: 'image/png' });
              const dropped = new DataTransfer();
              dropped.items.add(file('dropped.png'));
              document.querySelector('form[data-composer]').dispatchEvent(new DragEvent('drop', { dataTransfer: dropped, bubbles: true, cancelable: true }));
              const pasted = new DataTransfer();
              pasted.items.add(file('pasted-1.png'));
              pasted.items.add(file('pasted-2.png'));
              document.querySelector('#composer-body').dispatchEvent(new ClipboardEvent('paste', { clipboardData: pasted, bubbles: true, cancelable: true }));
            }
            """,
            PngBase64);
        var previews = page.Locator("li.image-preview");
        await Assertions.Expect(previews).ToHaveCountAsync(3);
        Assert.Equal(3, await page.EvaluateAsync<int>("() => document.querySelector('form[data-composer] input[type=file]').files.length"));
        await previews.Nth(2).GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(previews).ToHaveCountAsync(2);
        Assert.Equal(2, await page.EvaluateAsync<int>("() => document.querySelector('form[data-composer] input[type=file]').files.length"));
        await previews.Nth(0).GetByRole(AriaRole.Textbox).FillAsync("L'établi rangé");
        await previews.Nth(1).GetByRole(AriaRole.Textbox).FillAsync("La machine à café");

        await page.GetByRole(AriaRole.Button, new() { Name = "Publier" }).ClickAsync();
        var post = page.Locator("article.post", new() { HasText = "Photos de l'atelier" });
        await Assertions.Expect(post.Locator(".image-grid.count-2 img")).ToHaveCountAsync(2);
        await Assertions.Expect(post.Locator(".image-grid img").First).ToHaveAttributeAsync("alt", "L'établi rangé");

        await post.Locator(".image-grid a").First.ClickAsync();
        var lightbox = page.Locator("dialog.lightbox");
        await Assertions.Expect(lightbox).ToBeVisibleAsync();
        await Assertions.Expect(lightbox.Locator("figcaption")).ToHaveTextAsync("L'établi rangé");
        await page.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(lightbox.Locator("figcaption")).ToHaveTextAsync("La machine à café");
        await page.ScreenshotAsync(new() { Path = BrowserApp.ArtifactPath("lightbox.png") });
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(lightbox).ToBeHiddenAsync();
        Assert.Empty(consoleErrors);
    }

    private static async Task PostGoalsAsync(IPage page)
    {
        await page.GotoAsync("/goals");
        await page.GetByLabel("Objectif 1").FillAsync("Relire le contrat");
        await page.GetByLabel("Objectif 2").FillAsync("Appeler le fournisseur");
        await page.GetByLabel("Objectif 3").FillAsync("Préparer la démo");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publier mes objectifs" }).ClickAsync();
        await Assertions.Expect(page.Locator("section.goals li.goal")).ToHaveCountAsync(3);
        await page.GotoAsync("/");
    }
}
