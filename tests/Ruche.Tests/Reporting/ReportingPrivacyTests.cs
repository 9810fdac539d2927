using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.Reporting;
using Ruche.Tests.Goals;
using Ruche.Tests.Infrastructure;
using Ruche.Tests.Notifications;

namespace Ruche.Tests.Reporting;

/// <summary>
/// What the channel leaves behind: no trace of a case in search, feeds, notifications, exports or the audit pages of
/// anyone but referents; no network address in any log line while reporting; and nothing readable of a case in the
/// database itself (the SQLite file's bytes, PostgreSQL's rows).
/// </summary>
public abstract class ReportingPrivacyTests(RucheApp app) : ProviderTests(app)
{
    public override ValueTask InitializeAsync()
    {
        var started = base.InitializeAsync();
        App.SetUtc(new DateTimeOffset(2026, 12, 22, 9, 0, 0, TimeSpan.Zero));
        return started;
    }

    [Fact]
    public async Task A_case_leaves_no_trace_in_search_feeds_notifications_exports_or_the_audit_pages()
    {
        var marker = "Quetzalcoatl" + Guid.NewGuid().ToString("N")[..6];
        var referent = await App.NewMemberAsync("Referent", RoleNames.Referent);
        var admin = await App.NewPersonAsync("Admin", "Europe/Paris", RoleNames.Administrator, RoleNames.HumanResources);
        var reporter = await App.NewMemberAsync("Reporter");
        var reporterBrowser = await App.SignInWithBrowserCookiesAsync(reporter);
        var named = await reporterBrowser.SubmitFormAsync("/reporting/new", "/ui/reporting/new", new() { ["topic"] = "harassment", ["text"] = $"{marker} : mon manager me harcèle.", ["concerned"] = $"{marker} le manager" });
        Assert.Equal(HttpStatusCode.OK, named.StatusCode);
        var namedReceipt = ReportingSteps.ReceiptIn(await named.Content.ReadAsStringAsync());
        var anonymous = await App.NewBrowser().ReportAsync($"{marker} : des pots-de-vin au service achats.");
        var namedId = await App.CaseIdAsync(namedReceipt.Code);
        await referent.SetStatusAsync(namedId, "acknowledged").ShouldSucceedAsync();
        await referent.WriteAsync(namedId, $"{marker} : nous vous recevons jeudi.").ShouldSucceedAsync();
        Assert.Contains(reporter.Name, (await referent.ReadCaseAsync(namedId)).ReporterIdentity, StringComparison.Ordinal);
        Assert.NotEmpty(await referent.NotificationsAsync());

        string[] secrets = [marker, namedReceipt.Code, anonymous.Code];
        foreach (var person in new[] { admin, reporter })
        {
            var seen = new StringBuilder();
            Assert.Empty((await person.SearchAsync(marker)).Items);
            Assert.Empty((await person.SearchAsync(anonymous.Code)).Items);
            seen.Append(await person.Http.GetStringAsync("/api/v1/feeds/home"));
            seen.Append(await person.Http.GetStringAsync("/api/v1/feeds/company"));
            seen.Append(await person.Http.GetStringAsync("/api/v1/notifications"));
            // The named reporter's own export holds their own case (ReportingExportTests), never the anonymous one.
            var export = await ExportTextAsync(person);
            if (person == reporter)
            {
                Assert.Contains(namedReceipt.Code, export, StringComparison.Ordinal);
                Assert.DoesNotContain(anonymous.Code, export, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("pots-de-vin", export, StringComparison.Ordinal);
            }
            else
            {
                seen.Append(export);
            }

            Assert.Empty(await person.NotificationsAsync());
            foreach (var secret in secrets)
            {
                Assert.DoesNotContain(secret, seen.ToString(), StringComparison.OrdinalIgnoreCase);
            }
        }

        var adminBrowser = await App.SignInWithBrowserCookiesAsync(admin);
        var audit = await admin.Http.GetStringAsync("/api/v1/admin/audit") + await adminBrowser.PageAsync("/admin/audit");
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, audit, StringComparison.OrdinalIgnoreCase);
        }

        Assert.DoesNotContain("reporting", audit, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task No_log_line_holds_the_reporters_address_while_they_report_and_follow()
    {
        App.Logs().Clear();
        var browser = App.NewBrowser();
        var receipt = await browser.ReportAsync("Le chef de chantier fait travailler sans harnais sur le toit.", "health-safety");
        var (status, _) = await App.NewBrowser().FollowAsync(receipt.Code, receipt.Secret);
        Assert.Equal(HttpStatusCode.OK, status);
        await browser.SubmitFormAsync("/report/follow", "/ui/report/follow/message", new() { ["code"] = receipt.Code, ["secret"] = receipt.Secret, ["text"] = "Encore ce matin." });

        var lines = App.Logs().Lines;
        foreach (var line in lines.Where(l => l.Contains(ReportingSteps.ClientAddress, StringComparison.Ordinal) || l.Contains(ReportingSteps.ForwardedAddress, StringComparison.Ordinal)).Take(5))
        {
            TestContext.Current.TestOutputHelper?.WriteLine("LEAK " + line);
        }

        Assert.Contains(lines, l => l.Contains("/ui/report", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains(ReportingSteps.ClientAddress, StringComparison.Ordinal) || l.Contains(ReportingSteps.ForwardedAddress, StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains(receipt.Secret, StringComparison.Ordinal) || l.Contains("sans harnais", StringComparison.Ordinal));

        // The public pages neither read nor set a sign-in cookie: only the form's antiforgery cookie is set.
        var page = await App.NewBrowser().GetAsync("/report");
        Assert.DoesNotContain(page.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("ruche=", StringComparison.Ordinal));
        TestContext.Current.TestOutputHelper?.WriteLine($"Reporting: {lines.Count} log lines captured at Trace level during a report and two follows, none with the client's address.");
    }

    [Fact]
    public async Task The_stored_case_text_is_not_readable_in_the_database()
    {
        const string text = "Falsification des relevés de température du four numéro sept";
        const string name = "Dominique Lefebvre-Garnier";
        const string concerned = "Le responsable qualité Bertrand";
        var referent = await App.NewMemberAsync("Referent", RoleNames.Referent);
        var receipt = await App.NewBrowser().ReportAsync(text, "health-safety", "named", name, concerned);
        var id = await App.CaseIdAsync(receipt.Code);
        await referent.WriteAsync(id, "Réponse des référents au sujet du four numéro sept").ShouldSucceedAsync();
        Assert.Equal(text, (await referent.ReadCaseAsync(id)).Text);

        string[] hidden = [text, name, concerned, "four numéro sept", receipt.Secret];
        var dump = await DumpAsync();
        Assert.True(dump.Length > 0);
        foreach (var value in hidden)
        {
            Assert.DoesNotContain(value, dump, StringComparison.Ordinal);
        }

        Assert.Contains(receipt.Code, dump, StringComparison.Ordinal);
        TestContext.Current.TestOutputHelper?.WriteLine($"Reporting on {App.ProviderName}: {dump.Length} characters of raw database read, no case text, identity, persons concerned or secret found.");
    }

    /// <summary>SQLite: every byte of the database files (main file and write-ahead log). PostgreSQL: every column of every reporting row, as text.</summary>
    private async Task<string> DumpAsync() =>
        await App.InDatabaseAsync(async db =>
        {
            if (db.Database.IsSqlite())
            {
                var file = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
                var bytes = new List<byte>();
                foreach (var path in Directory.GetFiles(Path.GetDirectoryName(file)!, Path.GetFileName(file) + "*"))
                {
                    await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                    using var copy = new MemoryStream();
                    await stream.CopyToAsync(copy);
                    bytes.AddRange(copy.ToArray());
                }

                return Encoding.UTF8.GetString([.. bytes]);
            }

            var rows = new StringBuilder();
            foreach (var table in new[] { "ReportingCases", "ReportingMessages", "ReportingAccessLog" })
            {
                var connection = db.Database.GetDbConnection();
                await db.Database.OpenConnectionAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT t::text FROM \"{table}\" AS t";
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    rows.AppendLine(reader.GetString(0));
                }
            }

            // bytea columns print as hex (\x…): decode them so sealed bytes are searched as text too.
            return rows + DecodeHex(rows.ToString());
        });

    private static string DecodeHex(string rows)
    {
        var decoded = new StringBuilder();
        foreach (System.Text.RegularExpressions.Match match in System.Text.RegularExpressions.Regex.Matches(rows, @"\\+x([0-9a-f]+)"))
        {
            decoded.AppendLine(Encoding.UTF8.GetString(Convert.FromHexString(match.Groups[1].Value)));
        }

        return decoded.ToString();
    }

    private static async Task<string> ExportTextAsync(Actor person)
    {
        var response = await person.Http.GetAsync("/api/v1/me/export");
        await Actor.ExpectAsync(response, HttpStatusCode.OK);
        await using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync(), ZipArchiveMode.Read);
        var text = new StringBuilder();
        foreach (var entry in zip.Entries)
        {
            using var reader = new StreamReader(entry.Open());
            text.Append(await reader.ReadToEndAsync());
        }

        return text.ToString();
    }
}

public sealed class ReportingPrivacyTestsOnSqlite(ReportingSqliteApp app) : ReportingPrivacyTests(app), IClassFixture<ReportingSqliteApp>;

public sealed class ReportingPrivacyTestsOnPostgres(ReportingPostgresApp app) : ReportingPrivacyTests(app), IClassFixture<ReportingPostgresApp>;
