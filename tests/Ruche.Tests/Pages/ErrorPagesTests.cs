using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Ruche.Core.Data;
using Ruche.Core.Search;
using Ruche.Tests.Infrastructure;

namespace Ruche.Tests.Pages;

/// <summary>
/// A missing page or a crash shows a page in the layout, in the reader's language, with a way back; programs keep
/// problem details. Nobody sees "Status Code: 404" or JSON in a browser.
/// </summary>
public abstract class ErrorPagesTests(RucheApp app) : ProviderTests(app)
{
    [Theory]
    [InlineData("/no-such-page")]
    [InlineData("/spaces/no-such-space/members/nobody")]
    public async Task A_missing_page_is_a_french_page_in_the_layout_with_a_way_home(string url)
    {
        var browser = await App.SignInWithBrowserCookiesAsync(await NewPersonAsync("Lost"));

        var response = await browser.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        ShouldBeAPageInTheLayout(html, "fr");
        Assert.Contains("<h1>Page introuvable</h1>", html, StringComparison.Ordinal);
        Assert.Contains("""<a class="button primary" href="/">Retour à l'accueil</a>""", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.DoesNotContain("Status Code", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_page_speaks_english_to_who_chose_it()
    {
        var browser = await App.SignInWithBrowserCookiesAsync(await NewPersonAsync("Lost in English"));
        await browser.SubmitFormAsync("/settings", "/ui/language", new() { ["language"] = "en", ["returnUrl"] = "/" });

        var html = await browser.PageAsync("/no-such-page", HttpStatusCode.NotFound);

        ShouldBeAPageInTheLayout(html, "en");
        Assert.Contains("<h1>Page not found</h1>", html, StringComparison.Ordinal);
        Assert.Contains("Back to home", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_crash_is_a_page_with_a_reference_for_support_and_the_api_keeps_problem_details()
    {
        await using var broken = App.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddScoped<IFullTextIndex, BrokenIndex>()));
        var person = await NewPersonAsync("Unlucky");
        var browser = broken.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await Actor.ExpectAsync(
            await browser.SubmitFormAsync("/login", "/ui/login", new() { ["email"] = person.Email, ["password"] = RucheApp.Password, ["returnUrl"] = "/" }),
            HttpStatusCode.Redirect);

        var page = await browser.GetAsync("/search?q=budget");

        Assert.Equal(HttpStatusCode.InternalServerError, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        ShouldBeAPageInTheLayout(html, "fr");
        Assert.Contains("<h1>Une erreur est survenue</h1>", html, StringComparison.Ordinal);
        Assert.Matches("Référence de l'erreur, à donner au support : <code>[^<]+</code>", WebUtility.HtmlDecode(html));
        Assert.DoesNotContain(nameof(BrokenIndex), html, StringComparison.Ordinal);

        var api = broken.CreateClient();
        api.DefaultRequestHeaders.Authorization = person.Http.DefaultRequestHeaders.Authorization;
        var problem = await api.GetAsync("/api/v1/search?q=budget");
        Assert.Equal(HttpStatusCode.InternalServerError, problem.StatusCode);
        Assert.Equal("application/problem+json", problem.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_api_answers_a_missing_post_with_problem_details_not_a_page()
    {
        var person = await NewPersonAsync("Client");

        var response = await person.Http.GetAsync("/api/v1/posts/987654321");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static void ShouldBeAPageInTheLayout(string html, string language)
    {
        Assert.StartsWith("<!DOCTYPE html>", html.TrimStart(), StringComparison.Ordinal);
        Assert.Contains($"<html lang=\"{language}\">", html, StringComparison.Ordinal);
        Assert.Matches("<title>[^<]+ · Ruche</title>", html);
        Assert.Matches("""<link rel="stylesheet" href="[^"]*site[^"]*\.css"[^>]*>""", html);
        Assert.Contains("class=\"top\"", html, StringComparison.Ordinal);
    }

    private sealed class BrokenIndex : IFullTextIndex
    {
        public IQueryable<SearchHit> Match(RucheDbContext db, SearchQuery query) => throw new InvalidOperationException("The index is broken.");
    }
}

public sealed class ErrorPagesTestsOnSqlite(SqliteApp app) : ErrorPagesTests(app), IClassFixture<SqliteApp>;

public sealed class ErrorPagesTestsOnPostgres(PostgresApp app) : ErrorPagesTests(app), IClassFixture<PostgresApp>;
