using System.Buffers.Binary;
using System.Text.Json;
using Microsoft.Playwright;

namespace Ruche.BrowserTests;

/// <summary>
/// The installable app in a real Chromium (ADR 23): a valid manifest with reachable icons of the right sizes, a service
/// worker that controls the page, a page read online that opens offline, and nothing left in the caches after sign-out.
/// </summary>
public sealed class PwaTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private readonly List<string> consoleErrors = [];

    [Fact]
    public async Task The_manifest_is_valid_and_its_icons_are_the_sizes_it_says()
    {
        Assert.SkipWhen(BrowserApp.SkipReason is not null, BrowserApp.SkipReason ?? string.Empty);
        var person = await app.NewPersonAsync("Ines Manifeste");
        var page = await app.SignInAsync(person.Email, consoleErrors);

        var href = await page.Locator("link[rel=manifest]").GetAttributeAsync("href");
        var response = await page.APIRequest.GetAsync(href!);
        Assert.Equal(200, response.Status);
        Assert.StartsWith("application/manifest+json", response.Headers["content-type"], StringComparison.Ordinal);
        using var manifest = JsonDocument.Parse(await response.TextAsync());
        var root = manifest.RootElement;
        Assert.Equal("Ruche", root.GetProperty("name").GetString());
        Assert.Equal("Ruche", root.GetProperty("short_name").GetString());
        Assert.Equal("/", root.GetProperty("start_url").GetString());
        Assert.Equal("/", root.GetProperty("scope").GetString());
        Assert.Equal("standalone", root.GetProperty("display").GetString());
        Assert.False(string.IsNullOrEmpty(root.GetProperty("theme_color").GetString()));
        Assert.False(string.IsNullOrEmpty(root.GetProperty("background_color").GetString()));

        var sizes = new List<string>();
        foreach (var icon in root.GetProperty("icons").EnumerateArray().Where(i => i.GetProperty("type").GetString() == "image/png"))
        {
            var declared = icon.GetProperty("sizes").GetString()!;
            var file = await page.APIRequest.GetAsync(icon.GetProperty("src").GetString()!);
            Assert.Equal(200, file.Status);
            var png = await file.BodyAsync();
            Assert.True(png.AsSpan(1, 3).SequenceEqual("PNG"u8), "a PNG file");
            var width = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4));
            var height = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4));
            Assert.Equal(declared, $"{width}x{height}");
            sizes.Add($"{declared} {icon.GetProperty("purpose").GetString()}");
        }

        Assert.Contains("192x192 any", sizes);
        Assert.Contains("512x512 any", sizes);
        Assert.Contains("512x512 maskable", sizes);
        Assert.Equal(200, (await page.APIRequest.GetAsync(await page.Locator("link[rel=icon][type='image/svg+xml']").GetAttributeAsync("href") ?? "/")).Status);

        // The devices part of the notification settings, on a phone.
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync("/notifications/settings");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Notifications sur vos appareils" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Aucun appareil pour l’instant.")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = BrowserApp.ArtifactPath("pwa-push-settings-phone.png"), FullPage = true });
        Assert.Empty(consoleErrors);
    }

    [Fact]
    public async Task A_page_read_online_opens_offline_and_sign_out_leaves_no_cache()
    {
        Assert.SkipWhen(BrowserApp.SkipReason is not null, BrowserApp.SkipReason ?? string.Empty);
        var person = await app.NewPersonAsync("Olivier Horsligne");
        var page = await app.SignInAsync(person.Email, consoleErrors);
        await page.GetByLabel("Votre publication").FillAsync("Compte rendu lisible dans le train");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publier" }).ClickAsync();
        await Assertions.Expect(page.Locator("article.post", new() { HasText = "Compte rendu lisible dans le train" })).ToBeVisibleAsync();

        // The worker installs, activates and controls the page (after a reload at the latest).
        Assert.Equal("/", await page.EvaluateAsync<string>("async () => (await navigator.serviceWorker.ready).scope.replace(location.origin, '')"));
        await page.ReloadAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => navigator.serviceWorker.controller !== null"));

        // Read online…
        var profile = $"/people/{person.Handle}";
        await page.GotoAsync(profile);
        await Assertions.Expect(page.Locator("article.post", new() { HasText = "Compte rendu lisible dans le train" })).ToBeVisibleAsync();
        await page.WaitForFunctionAsync(
            "async (path) => (await caches.open('ruche-pages-v1').then((c) => c.keys())).some((r) => new URL(r.url).pathname === path)", profile);

        // …opens offline; a page never read says it is offline.
        await page.Context.SetOfflineAsync(true);
        await page.GotoAsync(profile);
        await Assertions.Expect(page.Locator("article.post", new() { HasText = "Compte rendu lisible dans le train" })).ToBeVisibleAsync();
        await page.GotoAsync("/goals/team");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Vous êtes hors ligne" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = BrowserApp.ArtifactPath("pwa-offline.png") });
        await page.Context.SetOfflineAsync(false);

        // Sign-out: the next person on this browser finds nothing of this one.
        await page.GotoAsync("/");
        Assert.NotEmpty(await page.EvaluateAsync<string[]>("() => caches.keys()"));
        await page.Locator("header.top details.account > summary").ClickAsync();
        await page.Locator("header.top form.logout button").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login"));
        await page.WaitForFunctionAsync("async () => (await caches.keys()).length === 0");
        Assert.Empty(await page.EvaluateAsync<string[]>("() => caches.keys()"));
        Assert.DoesNotContain(consoleErrors, e => !e.Contains("ERR_INTERNET_DISCONNECTED", StringComparison.Ordinal) && !e.Contains("Failed to load resource", StringComparison.Ordinal));
    }
}
