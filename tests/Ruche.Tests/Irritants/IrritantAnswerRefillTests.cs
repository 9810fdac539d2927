using System.Net;
using Ruche.Core.Common;
using Ruche.Tests.Infrastructure;

namespace Ruche.Tests.Irritants;

/// <summary>HR's refused answer form comes back filled with what was typed and why (ADR 13), and changes nothing.</summary>
public abstract class IrritantAnswerRefillTests(RucheApp app) : ProviderTests(app)
{
    [Fact]
    public async Task A_refused_answer_comes_back_filled_with_the_reason_for_the_refusal()
    {
        var reporter = await NewPersonAsync("Reporter");
        var hr = await NewPersonAsync("HR", "Europe/Paris", RoleNames.HumanResources);
        var site = await App.NewSiteAsync("Bureau");
        var id = await reporter.ReportIrritantAsync("Le store de la salle 3 est bloqué", site);
        var browser = await App.SignInWithBrowserCookiesAsync(hr);

        var noResponse = await browser.SubmitFormAsync($"/irritants/{id}", $"/ui/irritants/{id}/answer", new() { ["status"] = "in-progress", ["owner"] = "@" + hr.Handle, ["response"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, noResponse.StatusCode);
        var html = WebUtility.HtmlDecode(await noResponse.Content.ReadAsStringAsync());
        Assert.Contains("<option value=\"in-progress\" selected", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"@{hr.Handle}\"", html, StringComparison.Ordinal);
        Assert.Contains("Écrivez la réponse publique.", html, StringComparison.Ordinal);

        var badOwner = await browser.SubmitFormAsync($"/irritants/{id}", $"/ui/irritants/{id}/answer", new() { ["status"] = "resolved", ["owner"] = "@nobody-qz", ["response"] = "Réparé jeudi" });
        Assert.Equal(HttpStatusCode.BadRequest, badOwner.StatusCode);
        var again = WebUtility.HtmlDecode(await badOwner.Content.ReadAsStringAsync());
        Assert.Contains(">Réparé jeudi</textarea>", again, StringComparison.Ordinal);
        Assert.Contains("<option value=\"resolved\" selected", again, StringComparison.Ordinal);
        Assert.Contains("La personne qui s'en occupe est un collègue actif.", again, StringComparison.Ordinal);
        Assert.Contains($"name=\"returnUrl\" value=\"/irritants/{id}\"", again, StringComparison.Ordinal);

        var card = await reporter.IrritantAsync(id);
        Assert.Equal("open", card.Status);
        Assert.Null(card.Response);
    }
}

public sealed class IrritantAnswerRefillTestsOnSqlite(SqliteApp app) : IrritantAnswerRefillTests(app), IClassFixture<SqliteApp>;

public sealed class IrritantAnswerRefillTestsOnPostgres(PostgresApp app) : IrritantAnswerRefillTests(app), IClassFixture<PostgresApp>;
