using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Playwright;
using Ruche.Demo;

namespace Ruche.BrowserTests;

/// <summary>
/// Every demo role crawls what it can reach within three clicks of the main pages: no error status, every page in the
/// layout, no resource key shown raw, no console error, no failed request; and once in English, no French left.
/// </summary>
public sealed class SiteCrawlTests(DemoBrowserApp app, ITestOutputHelper output) : IClassFixture<DemoBrowserApp>
{
    private static readonly (string Role, string Account)[] Roles =
    [
        ("administrator", "camille.martin"),
        ("HR", "lea.dubois"),
        ("whistleblowing referent", "mathilde.chevalier"),
        ("union delegate", "karim.benali"),
        ("staff representative", "sophie.tremblay"),
        ("direction", "antoine.lefebvre"),
        ("employee (Singapore)", "weiling.tan"),
        ("employee", "julien.roux"),
    ];

    // Weiling works from Singapore: she reads Ruche in English after her French crawl.
    private const string EnglishAccount = "weiling.tan";

    [Fact]
    public async Task Crawl_every_demo_role_finds_no_broken_link_no_raw_text_and_no_console_error()
    {
        Assert.SkipWhen(BrowserApp.SkipReason is not null, BrowserApp.SkipReason ?? string.Empty);
        var clock = Stopwatch.StartNew();
        var reports = new List<CrawlReport>();
        foreach (var (role, account) in Roles)
        {
            var consoleErrors = new List<string>();
            var page = await app.SignInAsync($"{account}@{DemoCompany.EmailDomain}", consoleErrors, DemoCompany.Password);

            // The fixture keeps listening on the page; the crawler reports what comes after signing in, page by page.
            var signInErrors = consoleErrors.ToList();
            try
            {
                reports.Add(await CrawlAsync($"{role} {account}", page, "fr", signInErrors));
                if (account == EnglishAccount)
                {
                    await SwitchToEnglishAsync(page);
                    reports.Add(await CrawlAsync($"{role} {account} in English", page, "en", []));
                }
            }
            finally
            {
                await page.Context.CloseAsync();
            }
        }

        var summary = Summary(reports, clock.Elapsed);
        output.WriteLine(summary);
        await File.WriteAllTextAsync(BrowserApp.ArtifactPath("summary.txt", "crawl"), summary, TestContext.Current.CancellationToken);
        foreach (var report in reports)
        {
            var name = string.Concat(report.Role.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-'));
            await File.WriteAllLinesAsync(BrowserApp.ArtifactPath($"pages-{name}.txt", "crawl"), report.Crawled, TestContext.Current.CancellationToken);
        }

        var failures = reports.SelectMany(report => report.Failures).ToList();
        Assert.True(failures.Count == 0, $"{failures.Count} crawl failures:\n{Failures(failures)}");
    }

    private async Task<CrawlReport> CrawlAsync(string role, IPage page, string language, List<string> signInErrors)
    {
        var report = await new SiteCrawler(app.BaseAddress, role, page, language).CrawlAsync();
        report.Failures.AddRange(signInErrors.Select(error => new CrawlFailure(role, "/login", $"console error while signing in: {error}", null)));
        output.WriteLine(report.ToString());
        return report;
    }

    /// <summary>As a person does: Settings, the language list, English, save.</summary>
    private static async Task SwitchToEnglishAsync(IPage page)
    {
        await page.GotoAsync("/settings");
        var form = page.Locator("form[action='/ui/settings/language']");
        await form.Locator("select[name=language]").SelectOptionAsync("en");
        await form.Locator("button[type=submit], button:not([type])").First.ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
    }

    private static string Summary(List<CrawlReport> reports, TimeSpan elapsed)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Ruche crawl, {TimeProvider.System.GetLocalNow():yyyy-MM-dd HH:mm}: {reports.Sum(r => r.PagesCrawled)} pages crawled, "
            + $"{reports.Sum(r => r.LinksChecked)} links checked, {reports.Sum(r => r.Failures.Count)} failures in {elapsed.TotalSeconds:0} s "
            + $"(at most {SiteCrawler.MaxPages} pages per role, {SiteCrawler.MaxDepth} clicks from the main pages; {UiTextChecks.Describe()}).");
        foreach (var report in reports)
        {
            text.AppendLine(report.ToString());
        }

        text.Append(Failures(reports.SelectMany(report => report.Failures)));
        return text.ToString();
    }

    /// <summary>One line per role and problem: a missing text breaks every page at once, and should read as one finding.</summary>
    private static string Failures(IEnumerable<CrawlFailure> failures)
    {
        var text = new StringBuilder();
        foreach (var group in failures.GroupBy(failure => (failure.Role, failure.Problem)))
        {
            var pages = group.Select(failure => failure.From is null ? failure.Url : $"{failure.Url} (from {failure.From})").ToList();
            var more = pages.Count > 5 ? $" and {pages.Count - 5} more" : "";
            text.AppendLine(CultureInfo.InvariantCulture, $"FAIL {group.Key.Role}: {group.Key.Problem}, on {string.Join(", ", pages.Take(5))}{more}");
        }

        return text.ToString();
    }
}
