using System.Net;
using Ruche.Core.Common;
using Ruche.Tests.Infrastructure;

namespace Ruche.Tests.Ideas;

/// <summary>A refused triage form comes back filled with what was typed and why (ADR 13), and changes nothing.</summary>
public abstract class IdeaTriageRefillTests(RucheApp app) : ProviderTests(app)
{
    [Fact]
    public async Task A_declined_status_without_a_reason_comes_back_filled_with_the_reason_for_the_refusal()
    {
        var author = await NewPersonAsync("Author");
        var hr = await NewPersonAsync("HR", "Europe/Paris", RoleNames.HumanResources);
        var owner = await NewPersonAsync("Owner");
        var id = await author.SubmitIdeaAsync("Un parking à vélos couvert");
        var browser = await App.SignInWithBrowserCookiesAsync(hr);

        var response = await browser.SubmitFormAsync($"/ideas/{id}", $"/ui/ideas/{id}/status", new() { ["status"] = "declined", ["owner"] = "@" + owner.Handle, ["reason"] = "  " });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("<option value=\"declined\" selected", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"@{owner.Handle}\"", html, StringComparison.Ordinal);
        Assert.Contains("Donnez le motif : l'auteur et les abonnés le liront.", html, StringComparison.Ordinal);
        Assert.Contains($"name=\"returnUrl\" value=\"/ideas/{id}\"", html, StringComparison.Ordinal);
        Assert.Equal("new", (await author.IdeaAsync(id)).Status);

        // A reason typed with an owner who does not exist comes back too, the reason kept.
        var unknown = await browser.SubmitFormAsync($"/ideas/{id}", $"/ui/ideas/{id}/status", new() { ["status"] = "accepted", ["owner"] = "@nobody-xq", ["reason"] = "Validé par le CSE" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        var again = WebUtility.HtmlDecode(await unknown.Content.ReadAsStringAsync());
        Assert.Contains(">Validé par le CSE</textarea>", again, StringComparison.Ordinal);
        Assert.Contains("<option value=\"accepted\" selected", again, StringComparison.Ordinal);
        Assert.Equal("new", (await author.IdeaAsync(id)).Status);
    }
}

public sealed class IdeaTriageRefillTestsOnSqlite(SqliteApp app) : IdeaTriageRefillTests(app), IClassFixture<SqliteApp>;

public sealed class IdeaTriageRefillTestsOnPostgres(PostgresApp app) : IdeaTriageRefillTests(app), IClassFixture<PostgresApp>;
