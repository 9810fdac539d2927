using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Ruche.Core.Data;
using Ruche.Core.Dialogue;
using Ruche.Demo;

namespace Ruche.BrowserTests;

/// <summary>
/// A delegate broadcasts to an audience (issue 14): an employee who refused the union's broadcasts sees nothing,
/// another reads it, and the administrator's screens show no reader list.
/// </summary>
public sealed class UnionBroadcastJourneyTests(DemoBrowserApp app) : IClassFixture<DemoBrowserApp>
{
    [Fact]
    public async Task A_delegate_broadcasts_the_one_who_refused_sees_nothing_another_reads_it_and_the_administrator_no_reader()
    {
        Assert.SkipWhen(BrowserApp.SkipReason is not null, BrowserApp.SkipReason ?? string.Empty);
        var unionId = await UnionIdAsync();
        var consoleErrors = new List<string>();
        var refusing = await app.NewPersonAsync("Romane Refusante");
        var reading = await app.NewPersonAsync("Lucien Lecteur");

        var refuser = await app.SignInAsync(refusing.Email, consoleErrors);
        await refuser.GotoAsync($"/unions/{unionId}");
        // Pull only by default: the form offers to accept; accepting then refusing records an explicit refusal.
        await refuser.GetByRole(AriaRole.Button, new() { Name = "Accepter ses diffusions" }).ClickAsync();
        await refuser.GetByRole(AriaRole.Button, new() { Name = "Refuser ses diffusions" }).ClickAsync();
        await Assertions.Expect(refuser.GetByRole(AriaRole.Button, new() { Name = "Accepter ses diffusions" })).ToBeVisibleAsync();
        await Assertions.Expect(refuser.GetByRole(AriaRole.Button, new() { Name = "Accepter ses sondages" })).ToBeVisibleAsync();

        var delegatePage = await app.SignInAsync($"karim.benali@{DemoCompany.EmailDomain}", consoleErrors, DemoCompany.Password);
        await delegatePage.GotoAsync($"/unions/{unionId}");
        await delegatePage.GetByLabel("Titre", new() { Exact = true }).FillAsync("Réunion d'information jeudi");
        await delegatePage.GetByLabel("Message", new() { Exact = true }).FillAsync("Venez nombreux, salle Ruisseau.");
        await delegatePage.GetByLabel("Site", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Paris" });
        await delegatePage.GetByRole(AriaRole.Button, new() { Name = "Diffuser" }).ClickAsync();
        await Assertions.Expect(delegatePage.GetByRole(AriaRole.Heading, new() { Name = "Réunion d'information jeudi" })).ToBeVisibleAsync();
        var address = new Uri(delegatePage.Url).AbsolutePath;

        await refuser.GotoAsync(address);
        await Assertions.Expect(refuser.GetByRole(AriaRole.Heading, new() { Name = "Réunion d'information jeudi" })).ToHaveCountAsync(0);
        await refuser.GotoAsync($"/unions/{unionId}");
        await Assertions.Expect(refuser.Locator("main")).Not.ToContainTextAsync("Réunion d'information jeudi");

        var reader = await app.SignInAsync(reading.Email, consoleErrors);
        await reader.GotoAsync(address);
        await Assertions.Expect(reader.GetByRole(AriaRole.Heading, new() { Name = "Réunion d'information jeudi" })).ToBeVisibleAsync();
        await reader.SetViewportSizeAsync(390, 844);
        Assert.True(await reader.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"), "The broadcast scrolls sideways on a phone.");

        var admin = await app.SignInAsync($"camille.martin@{DemoCompany.EmailDomain}", consoleErrors, DemoCompany.Password);
        foreach (var screen in new[] { $"/unions/{unionId}", "/admin/unions", address })
        {
            await admin.GotoAsync(screen);
            var text = await admin.Locator("main").InnerTextAsync();
            Assert.DoesNotContain("Romane Refusante", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Lucien Lecteur", text, StringComparison.Ordinal);
        }

        // The refused reader was answered 404 on purpose; any other console error fails the journey.
        consoleErrors.RemoveAll(e => e.Contains("status of 404", StringComparison.Ordinal));
        Assert.Empty(consoleErrors);
    }

    private async Task<long> UnionIdAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RucheDbContext>().Set<Union>().Where(u => u.Name == "Syndicat Ruche Solidaires").Select(u => u.Id).SingleAsync();
    }
}
