using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Ruche.Core.Common;
using Ruche.Core.Search;
using Ruche.Tests.Events;
using Ruche.Tests.Infrastructure;

namespace Ruche.Tests.Search;

/// <summary>Filters, sorting, pages, refusals and the cost of a search page.</summary>
public abstract class SearchApiTests(RucheApp app) : ProviderTests(app)
{
    [Theory]
    [InlineData("", "search.query-empty")]
    [InlineData("&sort=popular", "search.sort-invalid")]
    [InlineData("&type=robot", "search.type-invalid")]
    [InlineData("&cursor=abc", "cursor.invalid")]
    [InlineData("&from=2026-02-01&to=2026-01-01", "search.dates-invalid")]
    [InlineData("&from=hier", "request.malformed")]
    [InlineData("&tag=%23", "tag.invalid")]
    public async Task Bad_input_is_refused_with_a_problem(string query, string code)
    {
        var reader = await NewPersonAsync("Reader");
        var q = query.Length == 0 ? "q=%20" : "q=mot" + query;

        await reader.Http.GetAsync($"/api/v1/search?{q}").ShouldBeProblemAsync(HttpStatusCode.BadRequest, code);
    }

    [Fact]
    public async Task Filters_narrow_results_by_type_space_author_tag_and_date()
    {
        var alice = await NewPersonAsync("Alice");
        var bob = await NewPersonAsync("Bob");
        var space = await alice.CreateSpaceAsync("Espace Ujmnhyt");
        await bob.JoinAsync(space);
        var inSpace = await alice.PostAsync("Rapport ujmnhyt #qualite", space);
        var byBob = await bob.PostAsync("Avis ujmnhyt de Bob");
        var comment = await bob.CommentAsync(inSpace, "Merci pour le ujmnhyt");
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);

        Assert.Equal(4, (await bob.SearchAsync("ujmnhyt")).Items.Count);
        Assert.Equal([comment.Id], Ids(await bob.SearchAsync("ujmnhyt", "&type=comment")));
        Assert.Equal(new[] { byBob.Id, comment.Id }.Order(), Ids(await bob.SearchAsync("ujmnhyt", $"&authorId={bob.Id}")).Order());
        Assert.Equal(["comment", "post", "space"], (await bob.SearchAsync("ujmnhyt", $"&spaceId={space.Id}")).Items.Select(r => r.Type).Order());
        Assert.Equal([inSpace.Id], Ids(await bob.SearchAsync("ujmnhyt", "&tag=Qualité")));
        Assert.Equal(4, (await bob.SearchAsync("ujmnhyt", $"&from={today.AddDays(-1):yyyy-MM-dd}&to={today:yyyy-MM-dd}")).Items.Count);
        Assert.Empty((await bob.SearchAsync("ujmnhyt", $"&from={today.AddDays(1):yyyy-MM-dd}")).Items);
        Assert.Empty((await bob.SearchAsync("ujmnhyt", $"&to={today.AddDays(-1):yyyy-MM-dd}")).Items);
    }

    [Fact]
    public async Task Pages_walk_every_result_once_and_newest_sorts_by_date()
    {
        var author = await NewPersonAsync("Author");
        var written = new List<long>();
        for (var i = 0; i < 7; i++)
        {
            written.Add((await author.PostAsync($"Note {i} rfvtgbyhn")).Id);
        }

        var seen = new List<long>();
        string? cursor = null;
        do
        {
            var page = await author.SearchAsync("rfvtgbyhn", $"&sort=newest&pageSize=3{(cursor is null ? "" : "&cursor=" + cursor)}");
            Assert.True(page.Items.Count <= 3);
            Assert.Equal(7, page.Facets.Single(f => f.Type == "post").Count);
            seen.AddRange(Ids(page));
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        Assert.Equal(written.OrderDescending(), seen);
    }

    [Fact]
    public async Task Counting_stops_past_the_deepest_reachable_page()
    {
        var author = await NewPersonAsync("Prolific");
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Ruche.Core.Data.RucheDbContext>();
            db.Posts.AddRange(Enumerable.Range(0, SearchService.MaxOffset + 5).Select(i => new Ruche.Core.Posts.Post
            {
                AuthorId = author.Id,
                Body = $"Relevé {i} qwmzpx",
                BodyHtml = $"<p>Relevé {i} qwmzpx</p>",
                CreatedAt = TimeProvider.System.GetUtcNow().UtcDateTime.AddMinutes(-i),
            }));
            await db.SaveChangesAsync();
        }

        var page = await author.SearchAsync("qwmzpx");

        Assert.Equal(new SearchFacet("post", SearchService.MaxOffset, More: true), page.Facets.Single(f => f.Type == "post"));
        Assert.Equal(20, page.Items.Count);
        Assert.NotNull(page.NextCursor);
        Assert.Contains("Publications (1 000+)", System.Net.WebUtility.HtmlDecode(await (await App.SignInWithBrowserCookiesAsync(author)).PageAsync("/search?q=qwmzpx")).Replace('\u202F', ' ').Replace('\u00A0', ' '), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Snippets_show_user_html_as_text_with_matches_marked()
    {
        var author = await NewPersonAsync("Author");
        await author.PostAsync("<img src=x onerror=alert(1)> Le **plqazwsx** du jour");

        var result = Assert.Single((await author.SearchAsync("plqazwsx")).Items);

        Assert.Contains("<mark>plqazwsx</mark>", result.SnippetHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", result.SnippetHtml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(40)]
    public async Task A_search_page_costs_a_constant_number_of_sql_commands_whatever_its_size(int pageSize)
    {
        var author = await NewPersonAsync("Author");
        var space = await author.CreateSpaceAsync($"Espace okmijn{pageSize}", SpaceVisibility.Private);
        for (var i = 0; i < 45; i++)
        {
            var post = await author.PostAsync($"Message {i} okmijn{pageSize}", i % 2 == 0 ? space : null);
            if (i % 3 == 0)
            {
                await author.CommentAsync(post, $"Commentaire okmijn{pageSize}");
            }
        }

        App.Commands.Reset();
        var page = await author.SearchAsync($"okmijn{pageSize}", $"&pageSize={pageSize}");
        var commands = App.Commands.Count;

        Assert.Equal(pageSize, page.Items.Count);

        // 2 for the bearer token (token, roles) + the capped counts per type + the page + one per type on the page (≤ 4).
        Assert.InRange(commands, 1, 8);
    }

    [Fact]
    public async Task The_search_page_shows_highlighted_results_in_the_readers_language()
    {
        var author = await NewPersonAsync("Author");
        await author.PostAsync("Le <b>edcrfvtgb</b> est prêt");
        var browser = await App.SignInWithBrowserCookiesAsync(author);

        var html = await browser.PageAsync("/search?q=edcrfvtgb");

        Assert.Contains("<mark>edcrfvtgb</mark>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>edcrfvtgb", html, StringComparison.Ordinal);
        Assert.Contains("Publications (1)", html, StringComparison.Ordinal);
        Assert.Contains("action=\"/search\"", await browser.PageAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_search_page_offers_every_registered_kind_with_its_label_and_finds_events()
    {
        var organiser = await NewPersonAsync("Organiser");
        var space = await organiser.CreateSpaceAsync("Comité des fêtes");
        await organiser.CreateEventAsync(space, "Galette qazwsxedc");
        var browser = await App.SignInWithBrowserCookiesAsync(organiser);

        var html = WebUtility.HtmlDecode(await browser.PageAsync("/search?q=qazwsxedc"));

        var kinds = App.Services.GetServices<Core.Search.ISearchSource>().Select(s => s.Kind).ToList();
        Assert.Contains("event", kinds);
        Assert.All(kinds, kind => Assert.Contains($"<option value=\"{kind}\"", html, StringComparison.Ordinal));
        Assert.Contains("Événements (1)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("search.type.", html, StringComparison.Ordinal);
    }

    private static List<long> Ids(Core.Search.SearchResults results) => results.Items.Select(r => r.Id).ToList();
}

public sealed class SearchApiTestsOnSqlite(SqliteApp app) : SearchApiTests(app), IClassFixture<SqliteApp>;

public sealed class SearchApiTestsOnPostgres(PostgresApp app) : SearchApiTests(app), IClassFixture<PostgresApp>;
