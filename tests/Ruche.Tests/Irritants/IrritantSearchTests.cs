using System.Net;
using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Irritants;
using Ruche.Core.Search;
using Ruche.Tests.Goals;
using Ruche.Tests.Infrastructure;

namespace Ruche.Tests.Irritants;

/// <summary>
/// Irritants in search, through HTTP: everyone finds a named irritant with its reporter; an anonymous one is found only
/// once answered, never with a person, not through the reporter's author filter, and its document holds no author and
/// no time; a moved irritant is found by nobody.
/// </summary>
public abstract class IrritantSearchTests(RucheApp app) : ProviderTests(app)
{
    [Fact]
    public async Task An_anonymous_irritant_never_shows_its_reporter_in_search()
    {
        var reporter = await NewPersonAsync("Searchable Reporter Jq");
        var reader = await NewPersonAsync("Reader");
        var hr = await NewPersonAsync("HR", "Europe/Paris", RoleNames.HumanResources);
        var site = await App.NewSiteAsync("Cantine");
        var named = await reporter.ReportIrritantAsync("La machine à café zbkrt fuit", site);
        var anonymous = await reporter.ReportIrritantAsync("Le micro-ondes zbkrt est sale", site, anonymous: true);

        var found = await reader.SearchAsync("zbkrt", "&type=irritant");
        var hit = Assert.Single(found.Items);
        Assert.Equal(named, hit.Id);
        Assert.Equal(reporter.Id, hit.Person?.Id);
        Assert.Equal($"/irritants/{named}", hit.Path);

        // Answered, the anonymous one is found too, with nobody attached, and never by its reporter's name.
        await Actor.ExpectAsync(await hr.TryAnswerAsync(anonymous, "acknowledged", null, "Nettoyage quotidien prévu."), HttpStatusCode.NoContent);
        var both = await reader.SearchAsync("zbkrt", "&type=irritant");
        Assert.Equal(new[] { named, anonymous }.Order(), both.Items.Select(i => i.Id).Order());
        Assert.Null(both.Items.Single(i => i.Id == anonymous).Person);
        Assert.Equal(TimeSpan.Zero, both.Items.Single(i => i.Id == anonymous).CreatedAt.TimeOfDay);
        Assert.Equal([named], (await reader.SearchAsync("zbkrt", $"&authorId={reporter.Id}")).Items.Select(i => i.Id));
        var document = await App.InDatabaseAsync(db => db.Set<SearchDocument>().AsNoTracking().SingleAsync(d => d.Kind == IrritantSearchSource.KindName && d.SourceId == anonymous));
        Assert.Null(document.AuthorId);
        Assert.Equal(TimeSpan.Zero, document.CreatedAt.TimeOfDay);
        var browser = await App.SignInWithBrowserCookiesAsync(reader);
        var page = WebUtility.HtmlDecode(await browser.PageAsync("/search?q=micro-ondes+zbkrt"));
        Assert.Contains($"/irritants/{anonymous}", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Searchable Reporter Jq", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unanswered_anonymous_irritant_writes_no_search_document_and_a_moved_one_is_found_by_nobody()
    {
        var reporter = await NewPersonAsync("Reporter");
        var reader = await NewPersonAsync("Reader");
        var hr = await NewPersonAsync("HR", "Europe/Paris", RoleNames.HumanResources);
        var site = await App.NewSiteAsync("Parking");
        var anonymous = await reporter.ReportIrritantAsync("La barrière wqlfp reste fermée", site, anonymous: true);
        Assert.False(await App.InDatabaseAsync(db => db.Set<SearchDocument>().AnyAsync(d => d.Kind == IrritantSearchSource.KindName && d.SourceId == anonymous)));
        Assert.Empty((await reader.SearchAsync("wqlfp")).Items);

        var named = await reporter.ReportIrritantAsync("Le vigile wqlfp menace des salariés", site);
        Assert.Single((await hr.SearchAsync("wqlfp")).Items);
        await hr.MoveAsync(named, "harassment");
        foreach (var someone in new[] { reader, hr, reporter })
        {
            Assert.Empty((await someone.SearchAsync("wqlfp")).Items);
        }

        Assert.False(await App.InDatabaseAsync(db => db.Set<SearchDocument>().AnyAsync(d => d.Kind == IrritantSearchSource.KindName && d.SourceId == named)));
    }
}

public sealed class IrritantSearchTestsOnSqlite(SqliteApp app) : IrritantSearchTests(app), IClassFixture<SqliteApp>;

public sealed class IrritantSearchTestsOnPostgres(PostgresApp app) : IrritantSearchTests(app), IClassFixture<PostgresApp>;
