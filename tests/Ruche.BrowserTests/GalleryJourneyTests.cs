using Microsoft.Playwright;
using Ruche.Demo;

namespace Ruche.BrowserTests;

/// <summary>
/// A demo employee opens the Café's photo gallery from the space's page, opens a photo in the lightbox, moves with the
/// arrow keys (the position and the description are read), closes with Escape and finds the focus back on the photo.
/// </summary>
public sealed class GalleryJourneyTests(DemoBrowserApp app) : IClassFixture<DemoBrowserApp>
{
    [Fact]
    public async Task The_cafe_gallery_opens_a_keyboard_lightbox_that_gives_the_focus_back()
    {
        Assert.SkipWhen(BrowserApp.SkipReason is not null, BrowserApp.SkipReason ?? string.Empty);
        var consoleErrors = new List<string>();
        var page = await app.SignInAsync($"julien.roux@{DemoCompany.EmailDomain}", consoleErrors, DemoCompany.Password);

        await page.GotoAsync("/spaces");
        await page.GetByRole(AriaRole.Link, new() { Name = "Café", Exact = true }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Photos", Exact = true }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Photos");

        var photos = page.Locator("ul.gallery a.image-cell");
        Assert.True(await photos.CountAsync() >= 6, "The Café's gallery shows the demo's photos.");
        var first = photos.First;
        var firstAlt = await first.Locator("img").GetAttributeAsync("alt");
        Assert.False(string.IsNullOrWhiteSpace(firstAlt));
        await first.FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        var dialog = page.Locator("dialog.lightbox");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await Assertions.Expect(dialog.Locator("img")).ToHaveAttributeAsync("alt", firstAlt!);
        await Assertions.Expect(dialog.Locator(".lightbox-position")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^1 sur \d+$"));
        await page.ScreenshotAsync(new() { Path = BrowserApp.ArtifactPath("gallery-lightbox.png"), FullPage = false });

        // Arrows move; Tab stays inside the dialog.
        await page.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(dialog.Locator(".lightbox-position")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^2 sur \d+$"));
        var secondAlt = await photos.Nth(1).Locator("img").GetAttributeAsync("alt");
        await Assertions.Expect(dialog.Locator("img")).ToHaveAttributeAsync("alt", secondAlt!);
        await page.Keyboard.PressAsync("ArrowLeft");
        await Assertions.Expect(dialog.Locator(".lightbox-position")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^1 sur \d+$"));
        for (var i = 0; i < 4; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            Assert.True(await page.EvaluateAsync<bool>("() => document.querySelector('dialog.lightbox').contains(document.activeElement)"), "The focus stays in the lightbox.");
        }

        // Escape closes it and the focus returns to the photo that opened it.
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        Assert.True(await first.EvaluateAsync<bool>("link => document.activeElement === link"), "The focus is back on the photo.");

        // Without the lightbox, a photo is a plain link to the image.
        Assert.StartsWith("/files/", await first.GetAttributeAsync("href"), StringComparison.Ordinal);
        Assert.Empty(consoleErrors);
    }
}
