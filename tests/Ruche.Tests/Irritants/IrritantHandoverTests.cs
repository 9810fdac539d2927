using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Irritants;
using Ruche.Core.Reporting;
using Ruche.Core.Search;
using Ruche.Tests.Goals;
using Ruche.Tests.Infrastructure;
using Ruche.Tests.Reporting;
using Ruche.Web.Irritants;

namespace Ruche.Tests.Irritants;

/// <summary>
/// One click moves an irritant to the confidential reporting channel, through HTTP: a colleague may not, the author
/// gets the receipt once and is named only if they ask, HR never names the author, an anonymous irritant stays
/// anonymous, and the moved irritant leaves the lists, its page and search while the case is read by referents only.
/// </summary>
public abstract class IrritantHandoverTests(RucheApp app) : ProviderTests(app)
{
    [Fact]
    public async Task A_colleague_may_not_move_an_irritant_and_bad_input_changes_nothing()
    {
        var author = await NewPersonAsync("Irritant Author");
        var colleague = await NewPersonAsync("Colleague");
        var site = await App.NewSiteAsync("Dépôt");
        var id = await author.ReportIrritantAsync("Le chef de quai crie sur les intérimaires wkzqh", site);
        var cases = await CaseCountAsync();

        await colleague.TryMoveAsync(id, "harassment").ShouldBeProblemAsync(HttpStatusCode.Forbidden, "irritant.move-forbidden");
        await author.TryMoveAsync(id, "gossip").ShouldBeProblemAsync(HttpStatusCode.BadRequest, "reporting.topic-unknown");
        await author.TryMoveAsync(id, null).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "reporting.topic-unknown");
        await author.TryMoveAsync(IrritantRules.NewId(), "harassment").ShouldBeProblemAsync(HttpStatusCode.NotFound, "irritant.not-found");
        var browser = await App.SignInWithBrowserCookiesAsync(colleague);
        Assert.DoesNotContain("/move\"", await browser.PageAsync($"/irritants/{id}"), StringComparison.Ordinal);
        var refused = await browser.SubmitFormAsync($"/irritants/{id}", $"/ui/irritants/{id}/move", new() { ["topic"] = "harassment" });
        Assert.Contains("error=irritant.move-forbidden", refused.Headers.Location?.OriginalString, StringComparison.Ordinal);

        Assert.Equal(cases, await CaseCountAsync());
        Assert.Equal(id, (await colleague.IrritantAsync(id)).Id);
    }

    [Fact]
    public async Task The_author_moves_their_own_gets_the_receipt_once_and_the_irritant_leaves_lists_page_and_search()
    {
        var referent = await NewPersonAsync("Referent", "Europe/Paris", RoleNames.Referent);
        var hr = await NewPersonAsync("HR", "Europe/Paris", RoleNames.HumanResources, RoleNames.Administrator);
        var author = await NewPersonAsync("Moving Author");
        var colleague = await NewPersonAsync("Colleague");
        var site = await App.NewSiteAsync("Atelier");
        var id = await author.ReportIrritantAsync("Mon responsable garde les primes des équipes qvxmb", site);
        await colleague.MeTooAsync(id);
        Assert.Single((await colleague.SearchAsync("qvxmb", "&type=irritant")).Items);

        var moved = await author.MoveAsync(id, "corruption");
        Assert.NotNull(moved.Code);
        Assert.NotNull(moved.Secret);

        foreach (var reader in new[] { colleague, hr, author })
        {
            await reader.Http.GetAsync($"/api/v1/irritants/{id}").ShouldBeProblemAsync(HttpStatusCode.NotFound, "irritant.not-found");
            Assert.DoesNotContain((await reader.IrritantsAsync("?pageSize=100")).Items, i => i.Id == id);
            Assert.Empty((await reader.SearchAsync("qvxmb")).Items);
        }

        // The case: read by the referent, with the text and without the author's name (they did not ask to be named).
        var caseId = await App.CaseIdAsync(moved.Code!);
        var read = await referent.ReadCaseAsync(caseId);
        Assert.Equal("Mon responsable garde les primes des équipes qvxmb", read.Text);
        Assert.Equal(CaseSource.Handover, read.Source);
        Assert.False(read.Line.IsNamed);
        Assert.Null(read.ReporterIdentity);
        foreach (var outsider in new[] { hr, author, colleague })
        {
            await outsider.Http.GetAsync($"/api/v1/reporting/cases/{caseId}").ShouldBeProblemAsync(HttpStatusCode.NotFound, "reporting.case-not-found");
        }

        // The author follows it with the receipt, like any reporter.
        var (status, html) = await App.NewBrowser().FollowAsync(moved.Code!, moved.Secret!);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("qvxmb", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_author_who_asks_is_named_to_the_referents_and_the_form_shows_the_receipt()
    {
        var referent = await NewPersonAsync("Referent", "Europe/Paris", RoleNames.Referent);
        var author = await NewPersonAsync("Named Mover Zq");
        var site = await App.NewSiteAsync("Labo");
        var id = await author.ReportIrritantAsync("On nous demande de falsifier les relevés de température", site);
        var browser = await App.SignInWithBrowserCookiesAsync(author);
        Assert.Contains($"action=\"/ui/irritants/{id}/move\"", await browser.PageAsync($"/irritants/{id}"), StringComparison.Ordinal);

        var response = await browser.SubmitFormAsync($"/irritants/{id}", $"/ui/irritants/{id}/move", new() { ["topic"] = "health-safety", ["named"] = "true" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
        var receipt = ReportingSteps.ReceiptIn(await response.Content.ReadAsStringAsync());

        var read = await referent.ReadCaseAsync(await App.CaseIdAsync(receipt.Code));
        Assert.True(read.Line.IsNamed);
        Assert.Contains("Named Mover Zq", read.ReporterIdentity, StringComparison.Ordinal);
        Assert.Equal(CaseTopic.HealthSafety, read.Line.Topic);
    }

    [Fact]
    public async Task HR_moves_without_naming_the_author_or_getting_a_receipt_and_an_anonymous_irritant_stays_anonymous()
    {
        var referent = await NewPersonAsync("Referent", "Europe/Paris", RoleNames.Referent);
        var hr = await NewPersonAsync("HR", "Europe/Paris", RoleNames.HumanResources);
        var author = await NewPersonAsync("Unconsenting Author Kx");
        var site = await App.NewSiteAsync("Entrepôt");
        var named = await author.ReportIrritantAsync("Des remarques racistes à la pause, tous les jours", site);
        var anonymous = await author.ReportIrritantAsync("Le stock de masques périmés est ressorti", site, anonymous: true);

        var byHr = await hr.MoveAsync(named, "discrimination", named: true);
        Assert.Null(byHr.Code);
        Assert.Null(byHr.Secret);
        var browser = await App.SignInWithBrowserCookiesAsync(hr);
        var response = await browser.SubmitFormAsync($"/irritants/{anonymous}", $"/ui/irritants/{anonymous}/move", new() { ["topic"] = "health-safety" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/irritants?saved=moved", response.Headers.Location?.OriginalString);

        var moved = await App.InDatabaseAsync(db => db.Set<ReportingCase>().AsNoTracking().Where(c => c.Source == CaseSource.Handover)
            .OrderByDescending(c => c.Id).Take(2).ToListAsync());
        Assert.All(moved, c => Assert.False(c.IsNamed));
        Assert.All(moved, c => Assert.Null(c.SealedIdentity));
        foreach (var c in moved)
        {
            var read = await referent.ReadCaseAsync(c.Id);
            Assert.Null(read.ReporterIdentity);
            Assert.DoesNotContain("Kx", read.Text, StringComparison.Ordinal);
        }

        Assert.Contains(moved, c => c.Topic == CaseTopic.Discrimination);
        Assert.Contains(moved, c => c.Topic == CaseTopic.HealthSafety);
        Assert.False(await App.InDatabaseAsync(db => db.Set<Irritant>().AnyAsync(i => i.Id == named || i.Id == anonymous)));
    }

    private Task<int> CaseCountAsync() => App.InDatabaseAsync(db => db.Set<ReportingCase>().CountAsync());
}

public static class IrritantHandoverSteps
{
    public static Task<HttpResponseMessage> TryMoveAsync(this Actor actor, long id, string? topic, bool named = false) =>
        actor.Http.PostAsJsonAsync($"/api/v1/irritants/{id}/move", new { topic, named }, Actor.Json);

    public static async Task<IrritantMovedResponse> MoveAsync(this Actor actor, long id, string topic, bool named = false) =>
        await Actor.ReadAsync<IrritantMovedResponse>(await actor.TryMoveAsync(id, topic, named), HttpStatusCode.OK);
}

public sealed class IrritantHandoverTestsOnSqlite(SqliteApp app) : IrritantHandoverTests(app), IClassFixture<SqliteApp>;

public sealed class IrritantHandoverTestsOnPostgres(PostgresApp app) : IrritantHandoverTests(app), IClassFixture<PostgresApp>;
