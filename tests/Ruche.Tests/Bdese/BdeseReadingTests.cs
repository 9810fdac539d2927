using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Ruche.Core.Bdese;
using Ruche.Core.Common;
using Ruche.Tests.Infrastructure;

namespace Ruche.Tests.Bdese;

/// <summary>
/// Reading the BDESE: every read (page, API, download) is in the log the readers see; a confidential item carries the
/// reader's name in the page and on every page of its PDF; a new version keeps the old one; bad input is refused with
/// nothing changed. On both providers.
/// </summary>
public abstract class BdeseReadingTests(RucheApp app) : ProviderTests(app)
{
    [Fact]
    public async Task Every_read_is_logged_with_who_and_how_and_readers_see_the_log()
    {
        var direction = await NewPersonAsync("Directeur", "Europe/Paris", RoleNames.Direction);
        var delegateReader = await NewPersonAsync("Karima Delegate", "Europe/Paris", RoleNames.UnionDelegate);
        var representative = await NewPersonAsync("Élue CSE", "Europe/Paris", RoleNames.StaffRepresentative);
        var item = await direction.CreateTableAsync("gender-equality", 2025, "Index égalité");
        Assert.Empty(await direction.LogAsync(item));

        await delegateReader.ReadItemAsync(item);
        var browser = await App.SignInWithBrowserCookiesAsync(delegateReader);
        Assert.Contains("Index égalité", WebUtility.HtmlDecode(await browser.PageAsync($"/bdese/items/{item}")), StringComparison.Ordinal);
        var pdf = await browser.GetAsync($"/bdese/items/{item}/pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no-store", pdf.Headers.CacheControl?.ToString(), StringComparison.Ordinal);

        var log = await representative.LogAsync(item);
        Assert.Equal(["Download", "Page", "Api"], log.Select(l => l.Way.ToString()));
        Assert.All(log, l => Assert.Equal(delegateReader.Name, l.Reader));
        Assert.All(log, l => Assert.Equal(1, l.Version));
        var page = WebUtility.HtmlDecode(await (await App.SignInWithBrowserCookiesAsync(representative)).PageAsync($"/bdese/log?item={item}"));
        Assert.Contains(delegateReader.Name, page, StringComparison.Ordinal);
        Assert.Equal(3, (await direction.LogAsync(item)).Count);

        // The log has no way to change it: only reads are routed there.
        var methods = App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => (e.RoutePattern.RawText ?? string.Empty).Contains("api/v1/bdese/log", StringComparison.Ordinal))
            .SelectMany(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).ToList();
        Assert.Equal(["GET"], methods);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await representative.Http.DeleteAsync("/api/v1/bdese/log")).StatusCode);
    }

    [Fact]
    public async Task A_confidential_table_shows_the_readers_name_in_the_page_and_on_every_pdf_page()
    {
        var direction = await NewPersonAsync("Directrice", "Europe/Paris", RoleNames.Direction);
        var reader = await NewPersonAsync("Camille Reader", "Europe/Paris", RoleNames.StaffRepresentative);
        var open = await direction.CreateTableAsync("investments", 2025, "Investissements publics", BdeseSteps.Table(3));
        var secret = await direction.CreateTableAsync("investments", 2026, "Projet d'usine", BdeseSteps.Table(100, "2026", "2027", "2028"), "Projet non annoncé", "2099-12-31");

        var view = await reader.ReadItemAsync(secret);
        Assert.Equal("Projet non annoncé", view.Confidentiality?.Reason);
        Assert.Equal(reader.Name, view.Watermark?.ReaderName);
        var browser = await App.SignInWithBrowserCookiesAsync(reader);
        var html = WebUtility.HtmlDecode(await browser.PageAsync($"/bdese/items/{secret}"));
        Assert.Contains("data-bdese-watermark", html, StringComparison.Ordinal);
        Assert.Contains($"Confidentiel - {reader.Name} - ", html, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", html, StringComparison.Ordinal);

        foreach (var download in new[] { await browser.GetByteArrayAsync($"/bdese/items/{secret}/pdf"), await reader.Http.GetByteArrayAsync($"/api/v1/bdese/items/{secret}/pdf") })
        {
            var pages = BdeseSteps.PageTexts(download);
            Assert.True(pages.Count >= 2, $"A 100-row table should need several pages, got {pages.Count}.");
            Assert.All(pages, text => Assert.Contains(reader.Name, text, StringComparison.Ordinal));
        }

        var plain = BdeseSteps.PageTexts(await reader.Http.GetByteArrayAsync($"/api/v1/bdese/items/{open}/pdf"));
        Assert.DoesNotContain(plain, text => text.Contains(reader.Name, StringComparison.Ordinal));
        Assert.DoesNotContain("data-bdese-watermark", await browser.PageAsync($"/bdese/items/{open}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_confidential_uploaded_pdf_is_stamped_with_the_readers_name_on_every_page()
    {
        var direction = await NewPersonAsync("Directrice", "Europe/Paris", RoleNames.Direction);
        var reader = await NewPersonAsync("Dominique Reader", "Europe/Paris", RoleNames.UnionDelegate);
        var upload = BdeseSteps.SamplePdf(3);
        var saved = await Actor.ReadAsync<Ruche.Web.Bdese.BdeseSaved>(
            await direction.SendDocumentAsync(upload, "financial-flows", 2025, "Aides publiques reçues", "Négociation en cours", "2099-01-31"), HttpStatusCode.Created);

        var stamped = await reader.Http.GetByteArrayAsync($"/api/v1/bdese/items/{saved.Id}/pdf");
        var pages = BdeseSteps.PageTexts(stamped);
        Assert.Equal(3, pages.Count);
        Assert.All(pages, text => Assert.Contains(reader.Name, text, StringComparison.Ordinal));
        Assert.DoesNotContain(BdeseSteps.PageTexts(upload), text => text.Contains(reader.Name, StringComparison.Ordinal));
        Assert.Equal(["Download"], (await direction.LogAsync(saved.Id)).Select(l => l.Way.ToString()));
    }

    [Fact]
    public async Task A_new_version_keeps_the_old_one_readable()
    {
        var direction = await NewPersonAsync("Directeur", "Europe/Paris", RoleNames.Direction);
        var reader = await NewPersonAsync("Élu", "Europe/Paris", RoleNames.StaffRepresentative);
        var item = await direction.CreateTableAsync("environment", 2025, "Émissions", new { labelHeader = "Poste", columns = new[] { "tCO2e" }, rows = new[] { new { label = "Énergie", values = new decimal?[] { 120 } } } });
        var second = await Actor.ReadAsync<Ruche.Web.Bdese.BdeseSaved>(await direction.Http.PutAsJsonAsync($"/api/v1/bdese/items/{item}", new
        {
            title = "Émissions (révisé)",
            table = new { labelHeader = "Poste", columns = new[] { "tCO2e" }, rows = new[] { new { label = "Énergie", values = new decimal?[] { 98.5m } } } },
        }, Actor.Json), HttpStatusCode.OK);
        Assert.Equal(2, second.Version);

        var latest = await reader.ReadItemAsync(item);
        var first = await reader.ReadItemAsync(item, 1);
        Assert.Equal("Émissions (révisé)", latest.VersionTitle);
        Assert.Equal(98.5m, latest.Table!.Rows[0].Values[0]);
        Assert.Equal("Émissions", first.VersionTitle);
        Assert.Equal(120m, first.Table!.Rows[0].Values[0]);
        Assert.Equal([2, 1], latest.Versions.Select(v => v.Number));
        Assert.All(latest.Versions, v => Assert.Equal(direction.Name, v.SavedBy));
        await reader.Http.GetAsync($"/api/v1/bdese/items/{item}?version=3").ShouldBeProblemAsync(HttpStatusCode.NotFound, "bdese.version-not-found");
        Assert.Contains("Version 1", await (await App.SignInWithBrowserCookiesAsync(reader)).PageAsync($"/bdese/items/{item}?version=1"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_is_refused_with_its_reason_and_nothing_changes()
    {
        var direction = await NewPersonAsync("Directeur", "Europe/Paris", RoleNames.Direction);
        var item = await direction.CreateTableAsync("partnerships", 2025, "Partenariats");
        var browser = await App.SignInWithBrowserCookiesAsync(direction);
        var before = await DatabaseDigest.TakeAsync(App);

        await direction.SendTableAsync("cantine", 2025, "X").ShouldBeProblemAsync(HttpStatusCode.BadRequest, "bdese.theme-unknown");
        await direction.SendTableAsync("partnerships", 1999, "X").ShouldBeProblemAsync(HttpStatusCode.BadRequest, "bdese.year-invalid");
        await direction.SendTableAsync("partnerships", 2300, "X").ShouldBeProblemAsync(HttpStatusCode.BadRequest, "bdese.year-invalid");
        await direction.SendTableAsync("partnerships", 2025, " ").ShouldBeProblemAsync(HttpStatusCode.BadRequest, "bdese.title-required");
        var ragged = new { labelHeader = "A", columns = new[] { "2024", "2025" }, rows = new[] { new { label = "x", values = new decimal?[] { 1 } } } };
        await direction.SendTableAsync("partnerships", 2025, "X", ragged).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "bdese.table-invalid");
        await direction.SendTableAsync("partnerships", 2025, "X", new { columns = Array.Empty<string>(), rows = Array.Empty<object>() }).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "bdese.table-invalid");
        await direction.SendTableAsync("partnerships", 2025, "X", reason: "Secret").ShouldBeProblemAsync(HttpStatusCode.BadRequest, "bdese.confidential-incomplete");
        await direction.SendTableAsync("partnerships", 2025, "X", reason: "Secret", until: "2001-01-01").ShouldBeProblemAsync(HttpStatusCode.BadRequest, "bdese.confidential-until-past");
        await direction.SendDocumentAsync("pas un PDF"u8.ToArray(), "partnerships", 2025, "X").ShouldBeProblemAsync(HttpStatusCode.BadRequest, "bdese.document-not-pdf");
        await direction.Http.PutAsJsonAsync($"/api/v1/bdese/items/{item}", new { title = "X", table = ragged }, Actor.Json).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "bdese.table-invalid");
        using (var form = new MultipartFormDataContent { { new StringContent("X"), "title" } })
        {
            await direction.Http.PutAsync($"/api/v1/bdese/documents/{item}", form).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "bdese.kind-mismatch");
        }

        // The HTML form comes back filled with what was typed, with the reason.
        var refused = await browser.SubmitFormAsync("/bdese/new", "/ui/bdese/items", new()
        {
            ["theme"] = "partnerships", ["year"] = "2025", ["kind"] = "table", ["title"] = "Tableau mal tapé", ["table"] = "Poste;2024\nÉnergie;douze",
        });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Tableau mal tapé", html, StringComparison.Ordinal);
        Assert.Contains("Énergie;douze", html, StringComparison.Ordinal);

        Assert.Equal(before, await DatabaseDigest.TakeAsync(App));

        var created = await browser.SubmitFormAsync("/bdese/new", "/ui/bdese/items", new()
        {
            ["theme"] = "partnerships", ["year"] = "2025", ["kind"] = "table", ["title"] = "Tableau bien tapé", ["table"] = "Poste;2024;2025\nÉnergie;1 234,5;12.5\nEau;;3",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = long.Parse(created.Headers.Location!.OriginalString.Split('/')[3].Split('?')[0], System.Globalization.CultureInfo.InvariantCulture);
        var table = (await direction.ReadItemAsync(id)).Table!;
        Assert.Equal([1234.5m, 12.5m], table.Rows[0].Values);
        Assert.Equal([null, 3m], table.Rows[1].Values);
    }

    [Theory]
    [InlineData("2026-06-30", "2026-06-30", true)]
    [InlineData("2026-07-01", "2026-06-30", false)]
    public void Confidentiality_ends_after_its_last_day(string today, string until, bool confidential)
    {
        var item = new BdeseItem { Theme = "investments", Title = "x", ConfidentialReason = "Projet", ConfidentialUntil = DateOnly.Parse(until, System.Globalization.CultureInfo.InvariantCulture) };
        Assert.Equal(confidential, item.IsConfidentialOn(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));
    }
}

public sealed class BdeseReadingTestsOnSqlite(SqliteApp app) : BdeseReadingTests(app), IClassFixture<SqliteApp>;

public sealed class BdeseReadingTestsOnPostgres(PostgresApp app) : BdeseReadingTests(app), IClassFixture<PostgresApp>;
