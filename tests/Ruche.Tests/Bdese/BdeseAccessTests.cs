using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Ruche.Core.Bdese;
using Ruche.Core.Common;
using Ruche.Tests.Infrastructure;
using Ruche.Web.Bdese;

namespace Ruche.Tests.Bdese;

/// <summary>
/// Who reaches the BDESE, from the app's own route table: every BDESE page, API route, form and download refuses a
/// plain employee, an administrator and HR (404 or 403) and changes nothing; search never shows an item; readers
/// without the direction role cannot write. On both providers.
/// </summary>
public abstract partial class BdeseAccessTests(RucheApp app) : ProviderTests(app)
{
    [Theory]
    [InlineData(null)]
    [InlineData(RoleNames.Administrator)]
    [InlineData(RoleNames.HumanResources)]
    public async Task Someone_who_is_not_a_reader_gets_404_or_403_on_every_bdese_route_and_changes_nothing(string? role)
    {
        var direction = await NewPersonAsync("Direction générale", "Europe/Paris", RoleNames.Direction);
        var outsider = role is null ? await NewPersonAsync("Salarié") : await NewPersonAsync($"Rôle {role}", "Europe/Paris", role);
        var marker = "Zx" + Guid.NewGuid().ToString("N")[..8];
        var item = await direction.CreateTableAsync("investments", 2025, $"Investissements {marker}", reason: "Projet de rachat", until: "2030-12-31");
        var browser = await App.SignInWithBrowserCookiesAsync(outsider);
        var token = Browser.AntiforgeryTokenIn(await browser.PageAsync("/settings"), "/settings");
        var before = await DatabaseDigest.TakeAsync(App);

        var routes = Routes();
        var failures = new List<string>();
        foreach (var (method, route, multipart) in routes)
        {
            var url = Concrete(route, item);
            var isApi = route.StartsWith("/api/", StringComparison.Ordinal);
            var isForm = route.StartsWith("/ui/", StringComparison.Ordinal);
            if (!isApi && !isForm && method != "GET")
            {
                continue;
            }

            using var request = new HttpRequestMessage(new HttpMethod(method), url);
            if (method is "POST" or "PUT")
            {
                request.Content = isForm
                    ? new FormUrlEncodedContent(new Dictionary<string, string> { ["theme"] = "investments", ["year"] = "2025", ["title"] = "Intrusion", ["table"] = "A;B\nx;1", [Browser.AntiforgeryField] = token })
                    : multipart
                        ? new MultipartFormDataContent { { new StringContent("investments"), "theme" }, { new StringContent("Intrusion"), "title" }, { new ByteArrayContent(BdeseSteps.SamplePdf(1)), "file", "x.pdf" } }
                        : new StringContent("""{"theme":"investments","year":2025,"title":"Intrusion","table":{"labelHeader":"A","columns":["B"],"rows":[{"label":"x","values":[1]}]}}""", Encoding.UTF8, "application/json");
            }

            var response = await (isApi ? outsider.Http : browser).SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode is not (HttpStatusCode.NotFound or HttpStatusCode.Forbidden) || body.Contains(marker, StringComparison.Ordinal))
            {
                failures.Add($"{method} {url} answered {(int)response.StatusCode} to {role ?? "an employee"}");
            }
        }

        var search = await outsider.SearchAsync(marker);
        Assert.DoesNotContain(marker, System.Text.Json.JsonSerializer.Serialize(search), StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/bdese\"", await browser.PageAsync("/"), StringComparison.Ordinal);
        Assert.True(routes.Count >= 14, $"Only {routes.Count} BDESE routes found: the route walk is broken.");
        Assert.Empty(failures);
        Assert.Equal(before, await DatabaseDigest.TakeAsync(App));

        // The same item is there for a reader, so the refusals above were about the person, not the address.
        var delegateReader = await NewPersonAsync("Déléguée", "Europe/Paris", RoleNames.UnionDelegate);
        Assert.Equal($"Investissements {marker}", (await delegateReader.ReadItemAsync(item)).VersionTitle);
        TestContext.Current.TestOutputHelper?.WriteLine($"BDESE: {routes.Count} routes refused to {role ?? "an employee"} on {App.ProviderName}.");
    }

    [Fact]
    public async Task Representatives_and_delegates_read_but_only_the_direction_writes()
    {
        var direction = await NewPersonAsync("Directrice", "Europe/Paris", RoleNames.Direction);
        var representative = await NewPersonAsync("Élu CSE", "Europe/Paris", RoleNames.StaffRepresentative);
        var delegateReader = await NewPersonAsync("Délégué", "Europe/Paris", RoleNames.UnionDelegate);
        var hrDirection = await NewPersonAsync("DRH", "Europe/Paris", RoleNames.HumanResources, RoleNames.Direction);
        var item = await direction.CreateTableAsync("pay-benefits", 2025, "Rémunérations moyennes");
        var before = await DatabaseDigest.TakeAsync(App);

        foreach (var reader in new[] { representative, delegateReader })
        {
            await reader.SendTableAsync("pay-benefits", 2025, "Pirate").ShouldBeProblemAsync(HttpStatusCode.Forbidden, "bdese.writer-required");
            await reader.Http.PutAsJsonAsync($"/api/v1/bdese/items/{item}", new { title = "Pirate", table = BdeseSteps.Table() }, Actor.Json)
                .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "bdese.writer-required");
            await reader.SendDocumentAsync(BdeseSteps.SamplePdf(1), "pay-benefits", 2025, "Pirate").ShouldBeProblemAsync(HttpStatusCode.Forbidden, "bdese.writer-required");
        }

        Assert.Equal(before, await DatabaseDigest.TakeAsync(App));
        Assert.Equal("Rémunérations moyennes", (await representative.ReadItemAsync(item)).VersionTitle);
        var overview = await Actor.ReadAsync<BdeseOverview>(await delegateReader.Http.GetAsync("/api/v1/bdese"), HttpStatusCode.OK);
        Assert.False(overview.CanWrite);
        Assert.Equal(BdeseThemes.All.Count, overview.Themes.Count);
        Assert.True(overview.Themes.Single(t => t.Theme == "pay-benefits").Cells.Single(c => c.Year == 2025).Items >= 1);
        Assert.Equal(2, (await Actor.ReadAsync<BdeseSaved>(
            await hrDirection.Http.PutAsJsonAsync($"/api/v1/bdese/items/{item}", new { title = "Rémunérations moyennes (corrigé)", table = BdeseSteps.Table() }, Actor.Json), HttpStatusCode.OK)).Version);

        var browser = await App.SignInWithBrowserCookiesAsync(representative);
        Assert.Contains("href=\"/bdese\"", await browser.PageAsync("/"), StringComparison.Ordinal);
        await browser.PageAsync("/bdese/new", HttpStatusCode.Forbidden);
    }

    private List<(string Method, string Route, bool Multipart)> Routes()
    {
        var sources = App.Services.GetRequiredService<EndpointDataSource>();
        return sources.Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Route: "/" + (e.RoutePattern.RawText ?? string.Empty).TrimStart('/')))
            .Where(e => e.Route.StartsWith("/api/v1/bdese", StringComparison.Ordinal) || e.Route.StartsWith("/bdese", StringComparison.Ordinal) || e.Route.StartsWith("/ui/bdese", StringComparison.Ordinal))
            .SelectMany(e => (e.Endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (
                m,
                e.Route,
                e.Endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes.Contains("multipart/form-data") == true)))
            .Distinct()
            .ToList();
    }

    private static string Concrete(string route, long item) =>
        Parameter().Replace(route, match => match.Groups["name"].Value.ToLowerInvariant() switch
        {
            "id" => item.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "theme" => "investments",
            "year" => "2025",
            _ => "x",
        });

    [GeneratedRegex(@"\{(?<name>[A-Za-z]+)(:[a-z]+)?\??\}")]
    private static partial Regex Parameter();
}

public sealed class BdeseAccessTestsOnSqlite(SqliteApp app) : BdeseAccessTests(app), IClassFixture<SqliteApp>;

public sealed class BdeseAccessTestsOnPostgres(PostgresApp app) : BdeseAccessTests(app), IClassFixture<PostgresApp>;
