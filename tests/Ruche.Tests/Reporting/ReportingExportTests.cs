using System.IO.Compression;
using System.Net;
using System.Text.Json;
using Ruche.Core.Common;
using Ruche.Tests.Infrastructure;
using Ruche.Tests.Irritants;

namespace Ruche.Tests.Reporting;

/// <summary>
/// A named reporter's export holds their own cases (what they wrote and the messages, opened with the key); an
/// anonymous report, a case moved without their name and other people's cases are in nobody's export.
/// </summary>
public abstract class ReportingExportTests(RucheApp app) : ProviderTests(app)
{
    [Fact]
    public async Task A_named_reporter_exports_their_own_case_and_never_an_anonymous_one_or_someone_elses()
    {
        var referent = await NewPersonAsync("Referent", "Europe/Paris", RoleNames.Referent);
        var reporter = await NewPersonAsync("Named Reporter");
        var other = await NewPersonAsync("Other Reporter");
        var browser = await App.SignInWithBrowserCookiesAsync(reporter);
        var named = await browser.SubmitFormAsync("/reporting/new", "/ui/reporting/new", new() { ["topic"] = "corruption", ["text"] = "Le fournisseur pvkzt paie les déjeuners du chef de projet" });
        Assert.Equal(HttpStatusCode.OK, named.StatusCode);
        var receipt = ReportingSteps.ReceiptIn(await named.Content.ReadAsStringAsync());
        await referent.WriteAsync(await App.CaseIdAsync(receipt.Code), "Merci, pouvez-vous préciser les dates ? pvkzt").ShouldSucceedAsync();

        // The same person reports anonymously on the public form (signed in or not, it names nobody) and moves an irritant without their name.
        await browser.ReportAsync("Des factures anonymes qmxrw sont antidatées");
        var site = await App.NewSiteAsync("Siège");
        await reporter.MoveAsync(await reporter.ReportIrritantAsync("Irritant déplacé jwdnv sans nom", site), "other");
        var otherBrowser = await App.SignInWithBrowserCookiesAsync(other);
        await otherBrowser.SubmitFormAsync("/reporting/new", "/ui/reporting/new", new() { ["topic"] = "harassment", ["text"] = "Un autre dossier hbtyc nommé" });

        var export = await ExportAsync(reporter);
        var only = Assert.Single(export.EnumerateArray());
        Assert.Equal(receipt.Code, only.GetProperty("code").GetString());
        Assert.Equal("Le fournisseur pvkzt paie les déjeuners du chef de projet", only.GetProperty("text").GetString());
        var message = Assert.Single(only.GetProperty("messages").EnumerateArray());
        Assert.True(message.GetProperty("fromReferents").GetBoolean());
        Assert.Equal("Merci, pouvez-vous préciser les dates ? pvkzt", message.GetProperty("text").GetString());
        var text = export.ToString();
        Assert.DoesNotContain("qmxrw", text, StringComparison.Ordinal);
        Assert.DoesNotContain("jwdnv", text, StringComparison.Ordinal);
        Assert.DoesNotContain("hbtyc", text, StringComparison.Ordinal);
        Assert.DoesNotContain(referent.Name, text, StringComparison.Ordinal);

        var others = await ExportAsync(other);
        Assert.DoesNotContain("pvkzt", others.ToString(), StringComparison.Ordinal);
        Assert.Empty((await ExportAsync(referent)).EnumerateArray());
    }

    private static async Task<JsonElement> ExportAsync(Actor person)
    {
        var response = await person.Http.GetAsync("/api/v1/me/export");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync(), ZipArchiveMode.Read);
        using var reader = new StreamReader(zip.GetEntry("ruche-data.json")!.Open());
        using var data = JsonDocument.Parse(await reader.ReadToEndAsync());
        return data.RootElement.GetProperty("reporting").Clone();
    }
}

public sealed class ReportingExportTestsOnSqlite(SqliteApp app) : ReportingExportTests(app), IClassFixture<SqliteApp>;

public sealed class ReportingExportTestsOnPostgres(PostgresApp app) : ReportingExportTests(app), IClassFixture<PostgresApp>;
