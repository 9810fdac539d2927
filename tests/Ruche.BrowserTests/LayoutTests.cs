using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Ruche.Demo;

namespace Ruche.BrowserTests;

/// <summary>
/// The layout of the main pages at desktop (1280×900) and phone (390×844) sizes: nothing wider than the screen, the
/// header on one line on a desktop, the navigation rail there and the tab bar on a phone, every control a finger uses at
/// least 44 px; and axe-core finds no serious or critical accessibility fault, in the light and the dark theme.
/// </summary>
public sealed class LayoutTests(DemoBrowserApp app) : IClassFixture<DemoBrowserApp>
{
    private const int Tap = 44;

    private static readonly ColorScheme[] Schemes = [ColorScheme.Light, ColorScheme.Dark];

    // Every visible control in the main column and the tab bar smaller than a finger. Exempt, as WCAG 2.5.8 does: a link
    // inside a sentence (inline, with text around it). A checkbox or radio counts with its label, which takes the tap too.
    private const string SmallTargets = """
        (tap) => {
          const small = [];
          for (const scope of document.querySelectorAll('main, nav.tabbar')) {
            for (const el of scope.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary')) {
              const style = getComputedStyle(el);
              if (style.visibility === 'hidden' || el.closest('[hidden], details:not([open]) > :not(summary)')) continue;
              let box = el.getBoundingClientRect();
              if (box.width <= 1 || box.height <= 1) continue;
              if (el.tagName === 'A' && style.display === 'inline') {
                const around = [...el.parentElement.childNodes].filter(n => n !== el).map(n => n.textContent).join('').trim();
                if (around.length > 0) continue;
              }
              if (el.type === 'checkbox' || el.type === 'radio') {
                const label = el.closest('label') ?? (el.id ? document.querySelector(`label[for="${el.id}"]`) : null);
                if (label) box = label.getBoundingClientRect();
              }
              if (box.width < tap - .5 || box.height < tap - .5) {
                const name = (el.getAttribute('aria-label') || el.textContent || el.getAttribute('name') || el.type || '').trim().replace(/\s+/g, ' ').slice(0, 40);
                small.push(`${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).trim().split(/\s+/).join('.') : ''} "${name}" ${Math.round(box.width)}×${Math.round(box.height)}`);
              }
            }
          }
          return small;
        }
        """;

    [Fact]
    public async Task Main_pages_fit_the_screen_with_the_rail_on_a_desktop_and_the_tab_bar_and_44px_targets_on_a_phone()
    {
        Assert.SkipWhen(BrowserApp.SkipReason is not null, BrowserApp.SkipReason ?? string.Empty);
        var consoleErrors = new List<string>();
        var page = await app.SignInAsync($"camille.martin@{DemoCompany.EmailDomain}", consoleErrors, DemoCompany.Password);
        var pages = await MainPages.FindAsync(page);
        var faults = new List<string>();

        await page.SetViewportSizeAsync(1280, 900);
        foreach (var (name, path) in pages)
        {
            await OpenAsync(page, path);
            await ExpectNoSidewaysScrollAsync(page, name, "desktop", 1280, faults);
            var header = await page.Locator("header.top").BoundingBoxAsync();
            if (header is null || header.Height > 64)
            {
                faults.Add($"{name}: the header is {header?.Height} px tall at 1280 px (one line is at most 64)");
            }

            if (!await page.Locator("nav.rail").IsVisibleAsync() || await page.Locator("nav.tabbar").IsVisibleAsync())
            {
                faults.Add($"{name}: on a desktop the rail shows and the tab bar does not");
            }
        }

        await page.SetViewportSizeAsync(390, 844);
        foreach (var (name, path) in pages)
        {
            await OpenAsync(page, path);
            await ExpectNoSidewaysScrollAsync(page, name, "phone", 390, faults);
            var header = await page.Locator("header.top").BoundingBoxAsync();
            if (header is null || header.Height > 56)
            {
                faults.Add($"{name}: the phone header is {header?.Height} px tall (at most 56)");
            }

            if (!await page.Locator("nav.tabbar").IsVisibleAsync() || await page.Locator("nav.rail").IsVisibleAsync())
            {
                faults.Add($"{name}: on a phone the tab bar shows and the rail does not");
            }

            foreach (var small in await page.EvaluateAsync<string[]>(SmallTargets, Tap))
            {
                faults.Add($"{name}: {small}");
            }
        }

        Assert.True(faults.Count == 0, "Layout faults:\n" + string.Join('\n', faults));
        Assert.Empty(consoleErrors);
    }

    [Fact]
    public async Task The_phone_menu_opens_the_whole_navigation_without_script()
    {
        Assert.SkipWhen(BrowserApp.SkipReason is not null, BrowserApp.SkipReason ?? string.Empty);
        var consoleErrors = new List<string>();
        var page = await app.SignInAsync($"julien.roux@{DemoCompany.EmailDomain}", consoleErrors, DemoCompany.Password);
        await page.SetViewportSizeAsync(390, 844);
        var menu = page.Locator("nav.tabbar details.sheet");

        await menu.Locator(":scope > summary").ClickAsync();

        await Assertions.Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Événements" })).ToBeVisibleAsync();
        await Assertions.Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Réglages" })).ToBeVisibleAsync();
        await menu.GetByRole(AriaRole.Link, new() { Name = "Événements" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/events$"));
        Assert.Empty(consoleErrors);
    }

    [Fact]
    public async Task Axe_finds_no_serious_or_critical_fault_on_the_main_pages_in_either_theme()
    {
        Assert.SkipWhen(BrowserApp.SkipReason is not null, BrowserApp.SkipReason ?? string.Empty);
        var consoleErrors = new List<string>();
        var page = await app.SignInAsync($"camille.martin@{DemoCompany.EmailDomain}", consoleErrors, DemoCompany.Password);
        var pages = await MainPages.FindAsync(page);
        var faults = new List<string>();
        var checkedPages = 0;
        foreach (var scheme in Schemes)
        {
            // The dark theme as most people get it: from their system's setting, no choice made in Ruche.
            await page.EmulateMediaAsync(new() { ColorScheme = scheme });
            foreach (var (name, path) in pages)
            {
                await OpenAsync(page, path);
                var result = await page.RunAxe();
                checkedPages++;
                foreach (var violation in result.Violations.Where(v => v.Impact is "serious" or "critical"))
                {
                    var where = string.Join(" | ", violation.Nodes.Take(4).Select(n => n.Target?.ToString()));
                    faults.Add($"{name} ({scheme}): {violation.Id} [{violation.Impact}] ×{violation.Nodes.Length}: {where}");
                }
            }
        }

        await File.WriteAllTextAsync(BrowserApp.ArtifactPath("axe.txt", "accessibility"),
            $"axe-core on {checkedPages} page views (light and dark): {faults.Count} serious or critical violations\n" + string.Join('\n', faults),
            TestContext.Current.CancellationToken);
        Assert.True(faults.Count == 0, "axe-core:\n" + string.Join('\n', faults));
    }

    private static async Task OpenAsync(IPage page, string path)
    {
        var response = await page.GotoAsync(path);
        Assert.Equal(200, response?.Status);
        await Assertions.Expect(page.Locator("header.top")).ToBeVisibleAsync();
    }

    private static async Task ExpectNoSidewaysScrollAsync(IPage page, string name, string size, int width, List<string> faults)
    {
        var wide = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        if (wide > width)
        {
            faults.Add($"{name} is {wide} px wide at {size} size ({width} px)");
        }
    }
}
