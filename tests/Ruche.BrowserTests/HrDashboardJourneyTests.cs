using Microsoft.Playwright;
using Ruche.Demo;

namespace Ruche.BrowserTests;

/// <summary>
/// The influence figures of the demo company, in a real browser: HR's network dashboard draws its charts from their
/// tables, shows the department diagram and the recognised voices; an employee reads their own figures.
/// </summary>
public sealed class HrDashboardJourneyTests(DemoBrowserApp app) : IClassFixture<DemoBrowserApp>
{
    [Fact]
    public async Task HR_sees_the_network_dashboard_drawn_and_an_employee_sees_their_own_figures()
    {
        Assert.SkipWhen(BrowserApp.SkipReason is not null, BrowserApp.SkipReason ?? string.Empty);
        var consoleErrors = new List<string>();
        var hr = await app.SignInAsync($"lea.dubois@{DemoCompany.EmailDomain}", consoleErrors, DemoCompany.Password);

        await hr.GotoAsync("/hr/network");
        await Assertions.Expect(hr.Locator("h1")).ToHaveTextAsync("Santé du réseau");
        await Assertions.Expect(hr.Locator("figure.chart canvas").First).ToBeVisibleAsync();
        Assert.True(await hr.Locator("figure.chart canvas").CountAsync() >= 3);
        Assert.True(await hr.Locator("table.chart-data tbody tr").CountAsync() > 0);
        await Assertions.Expect(hr.Locator("svg.network-diagram circle").First).ToBeVisibleAsync();
        await Assertions.Expect(hr.Locator("table.influence-links tbody tr").First).ToBeVisibleAsync();
        await Assertions.Expect(hr.Locator("table.influence-recognised tbody tr").First).ToBeVisibleAsync();
        await hr.ScreenshotAsync(new() { Path = BrowserApp.ArtifactPath("hr-network.png"), FullPage = true });

        var employee = await app.SignInAsync($"julien.roux@{DemoCompany.EmailDomain}", consoleErrors, DemoCompany.Password);
        await employee.GotoAsync("/me/influence");
        await Assertions.Expect(employee.Locator("[data-figure=reach]")).ToBeVisibleAsync();
        await employee.GotoAsync("/hr/network");
        await Assertions.Expect(employee.Locator("h1")).Not.ToHaveTextAsync("Santé du réseau");
        Assert.DoesNotContain(consoleErrors, e => !e.Contains("403", StringComparison.Ordinal));
    }
}
