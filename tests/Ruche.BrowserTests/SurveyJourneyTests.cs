using Microsoft.Playwright;
using Ruche.Demo;

namespace Ruche.BrowserTests;

/// <summary>
/// In the demo company: an employee answers the pulse survey's open round and gets a receipt once; HR reads the closed
/// rounds as charts drawn from their data tables, and nothing of the round still open.
/// </summary>
public sealed class SurveyJourneyTests(DemoBrowserApp app) : IClassFixture<DemoBrowserApp>
{
    [Fact]
    public async Task An_employee_answers_the_pulse_survey_and_HR_reads_charts_of_the_closed_rounds_only()
    {
        Assert.SkipWhen(BrowserApp.SkipReason is not null, BrowserApp.SkipReason ?? string.Empty);
        var consoleErrors = new List<string>();
        var employee = await app.SignInAsync($"mathilde.chevalier@{DemoCompany.EmailDomain}", consoleErrors, DemoCompany.Password);
        await employee.GotoAsync("/surveys");
        await employee.GetByRole(AriaRole.Link, new() { Name = "Répondre" }).First.ClickAsync();
        await Assertions.Expect(employee.Locator(".survey-rules")).ToContainTextAsync("au moins 5 répondants");
        foreach (var question in await employee.Locator("fieldset.survey-question").AllAsync())
        {
            var choice = question.Locator("input[type=radio], input[type=checkbox]");
            if (await choice.CountAsync() > 0)
            {
                await choice.Nth(await choice.CountAsync() / 2).CheckAsync();
            }
            else
            {
                await question.Locator("textarea").FillAsync("Des réunions plus courtes.");
            }
        }

        await employee.ScreenshotAsync(new() { Path = BrowserApp.ArtifactPath("survey-answer.png"), FullPage = true });
        await employee.GetByRole(AriaRole.Button, new() { Name = "Envoyer mes réponses" }).ClickAsync();
        await Assertions.Expect(employee.Locator(".receipt-code:not(.reply-code) code")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[A-Z2-9]{10}$"));
        await Assertions.Expect(employee.Locator(".reply-code code")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[A-Z2-9]{12}$"));
        await employee.GetByRole(AriaRole.Link, new() { Name = "Retour à l'enquête" }).ClickAsync();
        await Assertions.Expect(employee.Locator(".survey-answered")).ToBeVisibleAsync();
        await Assertions.Expect(employee.Locator("form.survey-answer")).ToHaveCountAsync(0);

        var hr = await app.SignInAsync($"lea.dubois@{DemoCompany.EmailDomain}", consoleErrors, DemoCompany.Password);
        await hr.GotoAsync("/surveys");
        await hr.GetByRole(AriaRole.Link, new() { Name = "Résultats" }).First.ClickAsync();
        await Assertions.Expect(hr.Locator("table.survey-rounds")).ToContainTextAsync("Ouvert");
        await Assertions.Expect(hr.Locator(".chart-canvas canvas").First).ToBeVisibleAsync();
        Assert.True(await hr.Locator(".chart-canvas canvas").CountAsync() >= 5);
        Assert.True(await hr.Locator("table.chart-data[data-charted=true]").CountAsync() >= 5);
        await hr.ScreenshotAsync(new() { Path = BrowserApp.ArtifactPath("survey-results.png"), FullPage = true });

        // The round still open shows how many answered, no score: its link leads to no results.
        await hr.GotoAsync(hr.Url.Split('?')[0] + "?round=5");
        await Assertions.Expect(hr.Locator("h2", new() { HasText = "Tour 4" })).ToBeVisibleAsync();
        Assert.Empty(consoleErrors);
    }
}
