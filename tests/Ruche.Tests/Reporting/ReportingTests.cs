using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Ruche.Core.Audit;
using Ruche.Core.Common;
using Ruche.Core.Reporting;
using Ruche.Tests.Goals;
using Ruche.Tests.Infrastructure;
using Ruche.Tests.Notifications;

namespace Ruche.Tests.Reporting;

/// <summary>
/// The confidential reporting channel through HTTP, forbidden paths first: reporting without an account, following
/// with the code and secret, what a non-referent (an administrator included) can reach, the access log, the role
/// change that makes a referent, bad input, deadlines with reminders on a fake clock, and anonymisation.
/// </summary>
public abstract partial class ReportingTests(RucheApp app) : ProviderTests(app)
{
    public override ValueTask InitializeAsync()
    {
        var started = base.InitializeAsync();
        App.SetUtc(new DateTimeOffset(2026, 12, 22, 9, 0, 0, TimeSpan.Zero));
        return started;
    }

    [Fact]
    public async Task A_non_referent_administrator_gets_403_or_404_on_every_case_route_and_changes_nothing()
    {
        var referent = await App.NewMemberAsync("Referent", RoleNames.Referent);
        var admin = await App.NewMemberAsync("Admin", RoleNames.Administrator, RoleNames.HumanResources);
        var receipt = await App.NewBrowser().ReportAsync("Le directeur achats reçoit des cadeaux du fournisseur Tubalex.");
        var id = await App.CaseIdAsync(receipt.Code);
        var before = await App.ChannelStateAsync();

        await admin.Http.GetAsync("/api/v1/reporting/cases").ShouldBeProblemAsync(HttpStatusCode.Forbidden, "reporting.referent-required");
        await admin.Http.GetAsync($"/api/v1/reporting/cases/{id}").ShouldBeProblemAsync(HttpStatusCode.NotFound, "reporting.case-not-found");
        await admin.WriteAsync(id, "Je regarde").ShouldBeProblemAsync(HttpStatusCode.NotFound, "reporting.case-not-found");
        await admin.SetStatusAsync(id, "acknowledged").ShouldBeProblemAsync(HttpStatusCode.NotFound, "reporting.case-not-found");
        await admin.Http.GetAsync("/api/v1/reporting/log").ShouldBeProblemAsync(HttpStatusCode.Forbidden, "reporting.referent-required");
        var browser = await App.SignInWithBrowserCookiesAsync(admin);
        await browser.PageAsync("/reporting", HttpStatusCode.Forbidden);
        await browser.PageAsync($"/reporting/cases/{id}", HttpStatusCode.NotFound);
        await browser.PageAsync("/reporting/log", HttpStatusCode.Forbidden);
        var refused = await browser.SubmitFormAsync("/settings", $"/ui/reporting/cases/{id}/status", new() { ["status"] = "acknowledged" });
        Assert.Contains("error=reporting.case-not-found", refused.Headers.Location?.OriginalString, StringComparison.Ordinal);
        await browser.SubmitFormAsync("/settings", $"/ui/reporting/cases/{id}/messages", new() { ["text"] = "Intrusion" });

        Assert.Equal(before, await App.ChannelStateAsync());
        var read = await referent.ReadCaseAsync(id);
        Assert.Equal("Le directeur achats reçoit des cadeaux du fournisseur Tubalex.", read.Text);
        Assert.DoesNotContain(read.Accesses, a => a.ActorId == admin.Id);
    }

    [Fact]
    public async Task An_anonymous_reporter_follows_the_case_and_a_wrong_secret_is_answered_like_a_wrong_code()
    {
        var referent = await App.NewMemberAsync("Referent", RoleNames.Referent);
        var reporter = App.NewBrowser();
        var receipt = await reporter.ReportAsync("Des bidons de solvant sont vidés dans le ruisseau derrière l'entrepôt.", "environment");
        var id = await App.CaseIdAsync(receipt.Code);
        var stored = await App.InDatabaseAsync(db => db.Set<ReportingCase>().SingleAsync(c => c.Id == id));
        Assert.False(stored.IsNamed);
        Assert.Null(stored.SealedIdentity);

        await referent.SetStatusAsync(id, "acknowledged").ShouldSucceedAsync();
        await referent.WriteAsync(id, "Merci, nous vérifions sur place cette semaine.").ShouldSucceedAsync();

        var (status, html) = await App.NewBrowser().FollowAsync(receipt.Code.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal), receipt.Secret);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Des bidons de solvant", html, StringComparison.Ordinal);
        Assert.Contains("nous vérifions sur place", html, StringComparison.Ordinal);
        Assert.Contains("data-case-status=\"acknowledged\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(referent.Name, html, StringComparison.Ordinal);

        var otherCode = receipt.Code[..^1] + (receipt.Code[^1] == 'A' ? 'B' : 'A');
        var wrongSecret = await App.NewBrowser().FollowAsync(receipt.Code, receipt.Secret[..^1] + (receipt.Secret[^1] == 'A' ? 'B' : 'A'));
        var wrongCode = await App.NewBrowser().FollowAsync(otherCode, receipt.Secret);
        Assert.Equal(HttpStatusCode.NotFound, wrongSecret.Status);
        Assert.Equal(wrongSecret.Status, wrongCode.Status);
        Assert.Equal(Banner(wrongSecret.Html), Banner(wrongCode.Html));
        Assert.Equal(Comparable(wrongSecret.Html, receipt.Code), Comparable(wrongCode.Html, otherCode));
        Assert.DoesNotContain("Des bidons", wrongSecret.Html, StringComparison.Ordinal);

        // The reporter answers; the referents are told, by case code only.
        var answer = await reporter.SubmitFormAsync("/report/follow", "/ui/report/follow/message", new() { ["code"] = receipt.Code, ["secret"] = receipt.Secret, ["text"] = "Le prochain vidage est prévu vendredi soir." });
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains("vidage est prévu vendredi", (await referent.ReadCaseAsync(id)).Messages[^1].Text, StringComparison.Ordinal);
        var told = await referent.NotificationsAsync();
        Assert.Contains(told, n => n.Kind == "reporting-message" && n.Subject.Title == receipt.Code);
        Assert.Contains(told, n => n.Kind == "reporting-received");
    }

    [Fact]
    public async Task Following_is_braked_per_code_without_any_address()
    {
        var receipt = await App.NewBrowser().ReportAsync("Un chef d'équipe insulte les intérimaires chaque matin.", "harassment");
        var attempts = new List<HttpStatusCode>();
        for (var i = 0; i < 11; i++)
        {
            attempts.Add((await App.NewBrowser().FollowAsync(receipt.Code, "AAAA-AAAA-AAAA-AAAA-AAAA-AAAA")).Status);
        }

        Assert.All(attempts.Take(10), s => Assert.Equal(HttpStatusCode.NotFound, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, attempts[10]);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await App.NewBrowser().FollowAsync(receipt.Code, receipt.Secret)).Status);
    }

    [Fact]
    public async Task Each_read_goes_to_an_append_only_chained_log_that_referents_read()
    {
        var referent = await App.NewMemberAsync("Referent", RoleNames.Referent);
        var other = await App.NewMemberAsync("Second referent", RoleNames.Referent);
        var receipt = await App.NewBrowser().ReportAsync("Les notes de frais du service commercial sont gonflées.");
        var id = await App.CaseIdAsync(receipt.Code);

        await referent.ReadCaseAsync(id);
        await referent.ReadCaseAsync(id);
        await other.ReadCaseAsync(id);
        await referent.SetStatusAsync(id, "acknowledged").ShouldSucceedAsync();

        var log = await other.GetAsync<AccessLogView>("/api/v1/reporting/log");
        var forCase = log.Entries.Where(e => e.CaseId == id).ToList();
        Assert.True(log.Intact);
        Assert.Equal(2, forCase.Count(e => e.Action == "case.read" && e.ActorId == referent.Id));
        Assert.Single(forCase, e => e.Action == "case.read" && e.ActorId == other.Id);
        Assert.Single(forCase, e => e.Action == "case.status" && e.Detail == "acknowledged");
        Assert.Single(forCase, e => e.Action == "case.received" && e.Actor == AccessActor.Reporter && e.ActorId == null);
        Assert.Contains(referent.Name, await (await App.SignInWithBrowserCookiesAsync(other)).PageAsync("/reporting/log"), StringComparison.Ordinal);

        // No route edits or removes an entry; one changed in the database breaks the chain, and the page says so.
        Assert.DoesNotContain(App.Services.GetType().Assembly.GetTypes(), t => t.Name == "ReportingAccessEditor");
        await App.InDatabaseAsync(db => db.Set<ReportingAccess>().Where(a => a.CaseId == id && a.Action == "case.read").OrderBy(a => a.Id).Take(1)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.ActorId, (long?)null)));
        Assert.False((await other.GetAsync<AccessLogView>("/api/v1/reporting/log")).Intact);
    }

    [Fact]
    public async Task Becoming_referent_is_audited_and_told_to_the_other_referents()
    {
        var referent = await App.NewMemberAsync("Sitting referent", RoleNames.Referent);
        var admin = await App.NewPersonAsync("Curious admin", "Europe/Paris", RoleNames.Administrator);
        var receipt = await App.NewBrowser().ReportAsync("Le comptable antidate des factures.");
        var id = await App.CaseIdAsync(receipt.Code);
        await admin.Http.GetAsync($"/api/v1/reporting/cases/{id}").ShouldBeProblemAsync(HttpStatusCode.NotFound, "reporting.case-not-found");

        await admin.Http.PutAsJsonAsync($"/api/v1/admin/people/{admin.Id}/roles", new { roles = new[] { RoleNames.Administrator, RoleNames.Referent } }).ShouldSucceedAsync();

        var audited = await App.InDatabaseAsync(db => db.Set<AuditEntry>().Where(e => e.Action == "role.changed" && e.Target == $"person:{admin.Id}").ToListAsync());
        Assert.Contains(audited, e => e.ActorId == admin.Id && e.Details!.Contains("\"added\":[\"referent\"]", StringComparison.Ordinal));
        var told = await referent.NotificationsAsync();
        Assert.Contains(told, n => n.Kind == "reporting-referents" && n.Actors.Any(a => a.Id == admin.Id));
        var log = await referent.GetAsync<AccessLogView>("/api/v1/reporting/log");
        Assert.Contains(log.Entries, e => e.Action == "referent.added" && e.Detail == $"person:{admin.Id}" && e.ActorId == admin.Id);

        // Now a referent, the administrator reads the case, and that read is in the log the others read.
        await admin.ReadCaseAsync(id);
        Assert.Contains((await referent.GetAsync<AccessLogView>("/api/v1/reporting/log")).Entries, e => e.Action == "case.read" && e.ActorId == admin.Id);

        // Leaving the role is told too, and access ends with it.
        await admin.Http.PutAsJsonAsync($"/api/v1/admin/people/{admin.Id}/roles", new { roles = new[] { RoleNames.Administrator } }).ShouldSucceedAsync();
        Assert.Contains((await referent.GetAsync<AccessLogView>("/api/v1/reporting/log")).Entries, e => e.Action == "referent.removed" && e.ActorId == admin.Id);
        await admin.Http.GetAsync($"/api/v1/reporting/cases/{id}").ShouldBeProblemAsync(HttpStatusCode.NotFound, "reporting.case-not-found");
    }

    [Fact]
    public async Task Bad_input_is_refused_with_its_reason_and_changes_nothing()
    {
        var referent = await App.NewMemberAsync("Referent", RoleNames.Referent);
        var employee = await App.NewMemberAsync("Employee");
        var receipt = await App.NewBrowser().ReportAsync("Les extincteurs de l'atelier B sont vides depuis un an.", "health-safety");
        var id = await App.CaseIdAsync(receipt.Code);
        var before = await App.ChannelStateAsync();

        var browser = App.NewBrowser();
        var empty = await browser.SubmitFormAsync("/report", "/ui/report", new() { ["topic"] = "other", ["text"] = "   " });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("Décrivez les faits.", WebUtility.HtmlDecode(await empty.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var tooLong = await browser.SubmitFormAsync("/report", "/ui/report", new() { ["topic"] = "other", ["text"] = new string('x', ReportingInput.TextMaxLength + 1), ["concerned"] = "M. Durand" });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("M. Durand", await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var unknownTopic = await browser.SubmitFormAsync("/report", "/ui/report", new() { ["topic"] = "gossip", ["text"] = "Des faits" });
        Assert.Equal(HttpStatusCode.BadRequest, unknownTopic.StatusCode);
        var namedWithoutName = await browser.SubmitFormAsync("/report", "/ui/report", new() { ["topic"] = "other", ["text"] = "Des faits", ["identity"] = "named" });
        Assert.Equal(HttpStatusCode.BadRequest, namedWithoutName.StatusCode);

        await referent.SetStatusAsync(id, "archived").ShouldBeProblemAsync(HttpStatusCode.BadRequest, "reporting.status-unknown");
        await referent.SetStatusAsync(id, "2").ShouldBeProblemAsync(HttpStatusCode.BadRequest, "reporting.status-unknown");
        await referent.SetStatusAsync(id, "investigating").ShouldBeProblemAsync(HttpStatusCode.Conflict, "reporting.status-not-allowed");
        await referent.SetStatusAsync(id, "closed").ShouldBeProblemAsync(HttpStatusCode.BadRequest, "reporting.outcome-unknown");
        await referent.WriteAsync(id, " ").ShouldBeProblemAsync(HttpStatusCode.BadRequest, "reporting.message-required");
        await referent.WriteAsync(id, new string('y', ReportingInput.MessageMaxLength + 1)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "reporting.message-too-long");
        await employee.SetStatusAsync(id, "acknowledged").ShouldBeProblemAsync(HttpStatusCode.NotFound, "reporting.case-not-found");

        Assert.Equal(before, await App.ChannelStateAsync());
    }

    [Fact]
    public async Task Referents_are_reminded_before_a_deadline_once_and_the_dashboard_shows_it_at_risk_then_overdue()
    {
        var referent = await App.NewMemberAsync("Referent", RoleNames.Referent);
        var admin = await App.NewMemberAsync("Admin", RoleNames.Administrator);
        var receipt = await App.NewBrowser().ReportAsync("Un fournisseur a été choisi sans appel d'offres contre une commission.");
        var id = await App.CaseIdAsync(receipt.Code);
        var line = (await referent.GetAsync<ReportingDashboard>("/api/v1/reporting/cases")).Open.Single(l => l.Id == id);
        Assert.Equal(new DateOnly(2027, 1, 4), line.AcknowledgeBy);
        Assert.Equal(DeadlineState.OnTrack, line.Deadline);
        await App.RemindAsync();
        Assert.Null(await ReminderAsync(id, acknowledge: true));

        App.SetUtc(new DateTimeOffset(2026, 12, 30, 9, 0, 0, TimeSpan.Zero));
        Assert.True(await App.RemindAsync() >= 1);
        var reminded = await ReminderAsync(id, acknowledge: true);
        Assert.NotNull(reminded);
        Assert.Equal(0, await App.RemindAsync());
        Assert.Equal(reminded, await ReminderAsync(id, acknowledge: true));
        Assert.Contains(await referent.NotificationsAsync(), n => n.Kind == "reporting-deadline" && n.SubjectId == id);
        Assert.DoesNotContain(await admin.NotificationsAsync(), n => n.Kind.StartsWith("reporting", StringComparison.Ordinal));
        Assert.Equal(DeadlineState.AtRisk, (await referent.GetAsync<ReportingDashboard>("/api/v1/reporting/cases")).Open.Single(l => l.Id == id).Deadline);

        App.SetUtc(new DateTimeOffset(2027, 1, 5, 9, 0, 0, TimeSpan.Zero));
        var overdue = (await referent.GetAsync<ReportingDashboard>("/api/v1/reporting/cases")).Open.Single(l => l.Id == id);
        Assert.Equal(DeadlineState.Overdue, overdue.Deadline);
        Assert.Contains("data-deadline=\"overdue\"", await (await App.SignInWithBrowserCookiesAsync(referent)).PageAsync("/reporting"), StringComparison.Ordinal);

        // Acknowledged on 5 January: feedback is due on 5 April, and its warning comes 14 days before.
        await referent.SetStatusAsync(id, "acknowledged").ShouldSucceedAsync();
        Assert.Equal(new DateOnly(2027, 4, 5), (await referent.ReadCaseAsync(id)).Line.FeedbackBy);
        App.SetUtc(new DateTimeOffset(2027, 3, 20, 9, 0, 0, TimeSpan.Zero));
        await App.RemindAsync();
        Assert.Null(await ReminderAsync(id, acknowledge: false));
        App.SetUtc(new DateTimeOffset(2027, 3, 23, 9, 0, 0, TimeSpan.Zero));
        await App.RemindAsync();
        Assert.NotNull(await ReminderAsync(id, acknowledge: false));
    }

    [Fact]
    public async Task A_closed_case_is_anonymised_after_two_quiet_months_keeping_only_statistics()
    {
        var referent = await App.NewMemberAsync("Referent", RoleNames.Referent);
        var receipt = await App.NewBrowser().ReportAsync("Le registre des accidents du travail est falsifié.", "health-safety", "named", "Camille Martin", "M. Bernard");
        var id = await App.CaseIdAsync(receipt.Code);
        await referent.SetStatusAsync(id, "acknowledged").ShouldSucceedAsync();
        await referent.WriteAsync(id, "Nous avons saisi l'inspection du travail.").ShouldSucceedAsync();
        await referent.SetStatusAsync(id, "closed", "referred-to-authority").ShouldSucceedAsync();
        Assert.Equal("Camille Martin", (await referent.ReadCaseAsync(id)).ReporterIdentity);

        App.SetUtc(new DateTimeOffset(2027, 2, 20, 9, 0, 0, TimeSpan.Zero));
        await App.AnonymiseAsync();
        Assert.Null(await App.InDatabaseAsync(db => db.Set<ReportingCase>().Where(c => c.Id == id).Select(c => c.AnonymisedAt).SingleAsync()));
        App.SetUtc(new DateTimeOffset(2027, 2, 23, 9, 0, 0, TimeSpan.Zero));
        Assert.True(await App.AnonymiseAsync() >= 1);

        var anonymised = await referent.ReadCaseAsync(id);
        Assert.Null(anonymised.Text);
        Assert.Null(anonymised.ReporterIdentity);
        Assert.Null(anonymised.Concerned);
        Assert.Empty(anonymised.Messages);
        Assert.Equal(CaseOutcome.ReferredToAuthority, anonymised.Outcome);
        Assert.Equal(HttpStatusCode.NotFound, (await App.NewBrowser().FollowAsync(receipt.Code, receipt.Secret)).Status);
        var statistics = (await referent.GetAsync<ReportingDashboard>("/api/v1/reporting/cases")).Statistics;
        Assert.True(statistics.Anonymised >= 1 && statistics.ByTopic[CaseTopic.HealthSafety] >= 1);
    }

    [Fact]
    public async Task Every_channel_page_renders_in_both_languages_without_a_raw_key()
    {
        var referent = await App.NewPersonAsync("Page referent", "Europe/Paris", RoleNames.Referent);
        var receipt = await App.NewBrowser().ReportAsync("Le stock de l'entrepôt est revendu en dehors des comptes.", "corruption", "named", "Alex Morel", "Le magasinier");
        var id = await App.CaseIdAsync(receipt.Code);
        await referent.WriteAsync(id, "Merci pour votre signalement.").ShouldSucceedAsync();
        var signedIn = await App.SignInWithBrowserCookiesAsync(referent);
        var pages = new List<string>
        {
            (await App.NewBrowser().FollowAsync(receipt.Code, receipt.Secret)).Html,
            await signedIn.PageAsync("/reporting"), await signedIn.PageAsync($"/reporting/cases/{id}"), await signedIn.PageAsync("/reporting/log"),
            await signedIn.PageAsync("/reporting/new"),
        };
        foreach (var language in new[] { "fr", "en" })
        {
            var browser = App.Anonymous();
            browser.DefaultRequestHeaders.Add("Cookie", $".AspNetCore.Culture=c={language}|uic={language}");
            var procedure = await browser.PageAsync("/report/procedure");
            pages.AddRange([await browser.PageAsync("/report"), await browser.PageAsync("/report/follow"), procedure]);
            Assert.Contains(language == "fr" ? "Défenseur des droits" : "rights ombudsman", WebUtility.HtmlDecode(procedure), StringComparison.Ordinal);
        }

        foreach (var html in pages)
        {
            Assert.DoesNotMatch(@">\s*(reporting|error|nav)\.[a-z.-]+\s*<", html);
        }

        var casePage = WebUtility.HtmlDecode(await signedIn.PageAsync($"/reporting/cases/{id}"));
        Assert.Contains("Alex Morel", casePage, StringComparison.Ordinal);
        Assert.Contains("Le magasinier", casePage, StringComparison.Ordinal);
    }

    private Task<DateTime?> ReminderAsync(long id, bool acknowledge) =>
        App.InDatabaseAsync(db => db.Set<ReportingCase>().Where(c => c.Id == id)
            .Select(c => acknowledge ? c.AcknowledgeReminderAt : c.FeedbackReminderAt).SingleAsync());

    private static string Banner(string html) => BannerPattern().Match(html).Value;

    /// <summary>The page without what legitimately differs: the form's token and the code typed back into the field.</summary>
    private static string Comparable(string html, string code) =>
        TokenPattern().Replace(html, string.Empty).Replace(code, "CODE", StringComparison.Ordinal);

    [GeneratedRegex("<p class=\"banner error\"[^<]*</p>")]
    private static partial Regex BannerPattern();

    [GeneratedRegex("value=\"CfDJ8[^\"]*\"")]
    private static partial Regex TokenPattern();
}

public sealed class ReportingTestsOnSqlite(ReportingSqliteApp app) : ReportingTests(app), IClassFixture<ReportingSqliteApp>;

public sealed class ReportingTestsOnPostgres(ReportingPostgresApp app) : ReportingTests(app), IClassFixture<ReportingPostgresApp>;
