using System.Net;
using System.Net.Http.Json;
using Ruche.Core.Common;
using Ruche.Core.Moderation;
using Ruche.Tests.Infrastructure;
using Ruche.Tests.Notifications;

namespace Ruche.Tests.Moderation;

/// <summary>
/// Reports and the moderation queue through HTTP, forbidden paths first: who may see the queue and act, what the
/// author learns (the decision and its reason, never the reporter), and what hiding removes for everyone else.
/// </summary>
public abstract class ModerationTests(RucheApp app) : ProviderTests(app)
{
    [Fact]
    public async Task An_employee_cannot_open_the_queue_or_decide()
    {
        var owner = await NewPersonAsync("Owner");
        var space = await owner.CreateSpaceAsync("Atelier vélo");
        var author = await NewPersonAsync("Author");
        var employee = await NewPersonAsync("Employee");
        await author.JoinAsync(space);
        var post = await author.PostAsync("Vends vélo, prix imbattable", space);
        await employee.ReportAsync(post, "spam");

        await employee.Http.GetAsync("/api/v1/moderation/reports").ShouldBeProblemAsync(HttpStatusCode.Forbidden, "moderation.moderators-only");
        await (await App.SignInWithBrowserCookiesAsync(employee)).PageAsync("/moderation", HttpStatusCode.Forbidden);
        await employee.TryDecideAsync("post", post.Id, "delete", "Je n'aime pas").ShouldBeProblemAsync(HttpStatusCode.Forbidden, "moderation.forbidden");

        Assert.Equal(post.Body, (await employee.GetPostAsync(post.Id)).Body);
        Assert.Single(await owner.QueueAsync());
    }

    [Fact]
    public async Task A_moderator_of_one_space_neither_sees_nor_acts_on_another_spaces_content()
    {
        var ownerA = await NewPersonAsync("Owner A");
        var ownerB = await NewPersonAsync("Owner B");
        var spaceA = await ownerA.CreateSpaceAsync("Espace A");
        var spaceB = await ownerB.CreateSpaceAsync("Espace B");
        var author = await NewPersonAsync("Author");
        await author.JoinAsync(spaceB);
        var post = await author.PostAsync("Message dans B", spaceB);
        await (await NewPersonAsync("Reporter")).ReportAsync(post);

        Assert.DoesNotContain(await ownerA.QueueAsync(), i => i.ContentId == post.Id);
        await ownerA.TryDecideAsync("post", post.Id, "hide", "Hors sujet").ShouldBeProblemAsync(HttpStatusCode.Forbidden, "moderation.forbidden");
        Assert.False((await author.GetPostAsync(post.Id)).IsHidden);
        Assert.Contains(await ownerB.QueueAsync(), i => i.ContentId == post.Id);
        _ = spaceA;
    }

    [Fact]
    public async Task Reporting_the_same_content_twice_keeps_one_report()
    {
        var author = await NewPersonAsync("Author");
        var reporter = await NewPersonAsync("Reporter");
        var admin = await NewPersonAsync("Admin", "Europe/Paris", RoleNames.Administrator);
        var post = await author.PostAsync("Un message sur mon profil");

        var first = await reporter.ReportAsync(post, "spam");
        var again = await Actor.ReadAsync<ReportReceipt>(await reporter.TryReportAsync(post, new { reason = "hate" }), HttpStatusCode.OK);

        Assert.True(first.Created);
        Assert.False(again.Created);
        Assert.Equal(first.Id, again.Id);
        var item = Assert.Single(await admin.QueueAsync(), i => i.ContentId == post.Id);
        var report = Assert.Single(item.Reports);
        Assert.Equal(ReportReason.Spam, report.Reason);
    }

    [Fact]
    public async Task Bad_input_is_refused_with_a_clear_problem_and_changes_nothing()
    {
        var author = await NewPersonAsync("Author");
        var reporter = await NewPersonAsync("Reporter");
        var admin = await NewPersonAsync("Admin", "Europe/Paris", RoleNames.Administrator);
        var post = await author.PostAsync("Texte à signaler");

        await reporter.TryReportAsync(post, new { note = "pas de motif" }).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "report.reason-required");
        await reporter.TryReportAsync(post, new { reason = "spam", note = new string('x', Limits.ReportNoteMaxLength + 1) })
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "report.note-too-long");
        await author.TryReportAsync(post, new { reason = "spam" }).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "report.own-content");
        await reporter.TryReportAsync(post, new { reason = "no-such-reason" }).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "request.malformed");
        Assert.DoesNotContain(await admin.QueueAsync(), i => i.ContentId == post.Id);

        await reporter.ReportAsync(post);
        await admin.TryDecideAsync("post", post.Id, "hide", "  ").ShouldBeProblemAsync(HttpStatusCode.BadRequest, "moderation.reason-required");
        await admin.TryDecideAsync("post", post.Id, null!, "Motif").ShouldBeProblemAsync(HttpStatusCode.BadRequest, "moderation.action-required");
        await admin.TryDecideAsync("post", post.Id, "hide", new string('x', Limits.ModerationReasonMaxLength + 1))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "moderation.reason-too-long");
        await admin.TryDecideAsync("post", post.Id + 100_000, "hide", "Motif").ShouldBeProblemAsync(HttpStatusCode.NotFound, "moderation.content-not-found");

        Assert.False((await reporter.GetPostAsync(post.Id)).IsHidden);
        Assert.Contains(await admin.QueueAsync(), i => i.ContentId == post.Id);
    }

    [Fact]
    public async Task A_hidden_post_leaves_feeds_search_and_the_api_for_a_colleague_and_its_author_learns_why_but_not_who()
    {
        var owner = await NewPersonAsync("Moderator");
        var space = await owner.CreateSpaceAsync("Afterwork");
        var author = await NewPersonAsync("Author");
        var colleague = await NewPersonAsync("Colleague");
        var reporter = await NewPersonAsync("Whistle");
        foreach (var member in new[] { author, colleague, reporter })
        {
            await member.JoinAsync(space);
        }

        var post = await author.PostAsync("Blague douteuse sur zanzibarite", space);
        await reporter.ReportAsync(post, "harassment", "Blague blessante");
        var item = Assert.Single(await owner.QueueAsync(), i => i.ContentId == post.Id);
        Assert.Equal(reporter.Id, Assert.Single(item.Reports).Reporter.Id);
        Assert.Equal("Blague blessante", item.Reports[0].Note);

        var decision = await owner.DecideAsync("post", post.Id, "hide", "Propos contraires à la charte");

        Assert.DoesNotContain((await colleague.CompanyAsync()).Items, p => p.Id == post.Id);
        Assert.DoesNotContain((await colleague.SpaceFeedAsync(space)).Items, p => p.Id == post.Id);
        Assert.Equal(HttpStatusCode.NotFound, (await colleague.Http.GetAsync($"/api/v1/posts/{post.Id}")).StatusCode);
        await (await App.SignInWithBrowserCookiesAsync(colleague)).PageAsync($"/posts/{post.Id}", HttpStatusCode.NotFound);
        Assert.Empty((await colleague.SearchAsync("zanzibarite")).Items);
        Assert.Empty((await reporter.SearchAsync("zanzibarite")).Items);

        var seenByAuthor = await author.GetPostAsync(post.Id);
        Assert.True(seenByAuthor.IsHidden);
        Assert.Equal("Propos contraires à la charte", seenByAuthor.HiddenReason);
        Assert.True((await owner.GetPostAsync(post.Id)).IsHidden);
        var authorBrowser = await App.SignInWithBrowserCookiesAsync(author);
        var page = WebUtility.HtmlDecode(await authorBrowser.PageAsync($"/posts/{post.Id}"));
        Assert.Contains("Propos contraires à la charte", page, StringComparison.Ordinal);

        var told = Assert.Single(await author.NotificationsAsync(), n => n.Kind == ModerationNotifications.Decision.Name);
        Assert.Equal(decision, told.SubjectId);
        Assert.DoesNotContain(told.Actors, a => a.Id == reporter.Id);

        // Nor who decided: the author reads what was decided and why, not which moderator to resent.
        Assert.Empty(told.Actors);
        var notificationsPage = WebUtility.HtmlDecode(await authorBrowser.PageAsync("/notifications"));
        Assert.Contains("La modération a agi sur votre contenu", notificationsPage, StringComparison.Ordinal);
        Assert.DoesNotContain(owner.Name, notificationsPage, StringComparison.Ordinal);
        var view = await author.GetAsync<DecisionView>($"/api/v1/moderation/decisions/{decision}");
        Assert.Equal(ModerationAction.Hide, view.Action);
        var decisionJson = await author.Http.GetStringAsync($"/api/v1/moderation/decisions/{decision}");
        var decisionPage = WebUtility.HtmlDecode(await authorBrowser.PageAsync($"/moderation/decisions/{decision}"));
        Assert.Contains("Propos contraires à la charte", decisionPage, StringComparison.Ordinal);
        foreach (var shown in new[] { decisionJson, decisionPage, page })
        {
            Assert.DoesNotContain(reporter.Name, shown, StringComparison.Ordinal);
            Assert.DoesNotContain("Blague blessante", shown, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await reporter.Http.GetAsync($"/api/v1/moderation/decisions/{decision}")).StatusCode);
        Assert.DoesNotContain(await owner.QueueAsync(), i => i.ContentId == post.Id);
        await owner.TryDecideAsync("post", post.Id, "delete", "Encore").ShouldBeProblemAsync(HttpStatusCode.Conflict, "moderation.no-open-report");
    }

    [Fact]
    public async Task Deleting_a_reported_comment_tells_its_author_and_dismissing_leaves_the_content_and_its_author_untroubled()
    {
        var admin = await NewPersonAsync("Admin", "Europe/Paris", RoleNames.Administrator);
        var poster = await NewPersonAsync("Poster");
        var commenter = await NewPersonAsync("Commenter");
        var reporter = await NewPersonAsync("Reporter");
        var post = await poster.PostAsync("Qui vient jeudi ?");
        var comment = await commenter.CommentAsync(post, "Achetez mes cryptos");
        await reporter.ReportAsync(comment, "spam");
        await reporter.ReportAsync(post, "other");

        await admin.DecideAsync("comment", comment.Id, "delete", "Publicité");
        await admin.DecideAsync("post", post.Id, "dismiss", "Rien de grave");

        Assert.Equal(0, (await reporter.GetPostAsync(post.Id)).CommentCount);
        Assert.False((await reporter.GetPostAsync(post.Id)).IsHidden);
        Assert.Contains(await commenter.NotificationsAsync(), n => n.Kind == ModerationNotifications.Decision.Name);
        Assert.DoesNotContain(await poster.NotificationsAsync(), n => n.Kind == ModerationNotifications.Decision.Name);
        Assert.DoesNotContain(await admin.QueueAsync(), i => i.PostId == post.Id);

        var audit = await admin.Http.GetStringAsync("/api/v1/admin/audit?pageSize=100");
        Assert.Contains("moderation.report-decided", audit, StringComparison.Ordinal);
        Assert.Contains("moderation.comment-deleted", audit, StringComparison.Ordinal);
        Assert.Contains("Rien de grave", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reporting_and_deciding_work_from_the_pages_forms()
    {
        var owner = await NewPersonAsync("Moderator");
        var space = await owner.CreateSpaceAsync("Covoiturage");
        var author = await NewPersonAsync("Author");
        var reporter = await NewPersonAsync("Reporter");
        await author.JoinAsync(space);
        await reporter.JoinAsync(space);
        var post = await author.PostAsync("Annonce hors sujet", space);

        var reporterBrowser = await App.SignInWithBrowserCookiesAsync(reporter);
        var postPage = await reporterBrowser.PageAsync($"/posts/{post.Id}");
        Assert.True(postPage.Contains($"/ui/posts/{post.Id}/report", StringComparison.Ordinal), postPage);
        var reported = await reporterBrowser.SubmitFormAsync($"/posts/{post.Id}", $"/ui/posts/{post.Id}/report",
            new() { ["reason"] = "Spam", ["note"] = "Rien à voir", ["returnUrl"] = $"/posts/{post.Id}" });
        Assert.Equal($"/posts/{post.Id}?saved=report", reported.Headers.Location?.OriginalString);

        var moderatorBrowser = await App.SignInWithBrowserCookiesAsync(owner);
        var queue = WebUtility.HtmlDecode(await moderatorBrowser.PageAsync("/moderation"));
        Assert.Contains("Rien à voir", queue, StringComparison.Ordinal);
        Assert.Contains(reporter.Name, queue, StringComparison.Ordinal);
        var refused = await moderatorBrowser.SubmitFormAsync("/moderation", "/ui/moderation/decisions",
            new() { ["content"] = "Post", ["contentId"] = $"{post.Id}", ["action"] = "Hide", ["reason"] = "" });
        Assert.Equal("/moderation?error=moderation.reason-required", refused.Headers.Location?.OriginalString);
        var decided = await moderatorBrowser.SubmitFormAsync("/moderation", "/ui/moderation/decisions",
            new() { ["content"] = "Post", ["contentId"] = $"{post.Id}", ["action"] = "Hide", ["reason"] = "Hors charte" });
        Assert.Equal("/moderation?saved=decision", decided.Headers.Location?.OriginalString);
        Assert.Equal("Hors charte", (await author.GetPostAsync(post.Id)).HiddenReason);
    }

    [Fact]
    public async Task A_hidden_comment_is_seen_only_by_its_author_and_moderators()
    {
        var owner = await NewPersonAsync("Moderator");
        var space = await owner.CreateSpaceAsync("Projet Atlas");
        var commenter = await NewPersonAsync("Commenter");
        var colleague = await NewPersonAsync("Colleague");
        await commenter.JoinAsync(space);
        await colleague.JoinAsync(space);
        var post = await owner.PostAsync("Point d'étape", space);
        var comment = await commenter.CommentAsync(post, "Commentaire déplacé");
        await colleague.ReportAsync(comment, "harassment");

        await owner.DecideAsync("comment", comment.Id, "hide", "Ton agressif");

        var comments = $"/api/v1/posts/{post.Id}/comments";
        Assert.DoesNotContain(await colleague.GetAsync<List<Core.Posts.CommentView>>(comments), c => c.Id == comment.Id);
        Assert.Equal("Ton agressif", Assert.Single(await commenter.GetAsync<List<Core.Posts.CommentView>>(comments), c => c.Id == comment.Id).HiddenReason);
        Assert.True(Assert.Single(await owner.GetAsync<List<Core.Posts.CommentView>>(comments), c => c.Id == comment.Id).IsHidden);
        Assert.Equal(0, (await colleague.GetPostAsync(post.Id)).CommentCount);
    }

    [Fact]
    public async Task An_administrator_finds_a_company_wide_post_they_hid_and_restores_it_with_a_reason_its_author_is_told()
    {
        var author = await NewPersonAsync("Author");
        var colleague = await NewPersonAsync("Colleague");
        var admin = await NewPersonAsync("Admin", "Europe/Paris", RoleNames.Administrator);
        var employee = await NewPersonAsync("Employee");
        var post = await author.PostAsync("Un avis tranché sur la cantine");
        await colleague.ReportAsync(post, "harassment");
        await admin.DecideAsync("post", post.Id, "hide", "À vérifier");

        var hidden = Assert.Single(await admin.HiddenAsync(), h => h.ContentId == post.Id);
        Assert.Equal("À vérifier", hidden.HiddenReason);
        Assert.Contains("cantine", hidden.Excerpt, StringComparison.Ordinal);
        await employee.Http.GetAsync("/api/v1/moderation/hidden").ShouldBeProblemAsync(HttpStatusCode.Forbidden, "moderation.moderators-only");
        await employee.TryRestoreAsync("post", post.Id, "Je le veux").ShouldBeProblemAsync(HttpStatusCode.NotFound, "moderation.content-not-found");
        await admin.TryRestoreAsync("post", post.Id, " ").ShouldBeProblemAsync(HttpStatusCode.BadRequest, "moderation.reason-required");
        Assert.Equal(HttpStatusCode.NotFound, (await colleague.Http.GetAsync($"/api/v1/posts/{post.Id}")).StatusCode);
        Assert.True((await admin.GetPostAsync(post.Id)).IsHidden);
        await (await App.SignInWithBrowserCookiesAsync(admin)).PageAsync($"/posts/{post.Id}");
        Assert.DoesNotContain((await colleague.CompanyAsync()).Items, p => p.Id == post.Id);
        Assert.DoesNotContain((await admin.CompanyAsync()).Items, p => p.Id == post.Id);

        var restored = await Actor.ReadAsync<ModerationSteps.DecisionCreated>(await admin.TryRestoreAsync("post", post.Id, "Après relecture, rien d'injurieux"), HttpStatusCode.Created);

        Assert.False((await colleague.GetPostAsync(post.Id)).IsHidden);
        Assert.DoesNotContain(await admin.HiddenAsync(), h => h.ContentId == post.Id);
        await admin.TryRestoreAsync("post", post.Id, "Encore").ShouldBeProblemAsync(HttpStatusCode.Conflict, "moderation.not-hidden");
        var decision = await author.GetAsync<DecisionView>($"/api/v1/moderation/decisions/{restored.Id}");
        Assert.Equal(ModerationAction.Restore, decision.Action);
        Assert.Equal("Après relecture, rien d'injurieux", decision.Reason);
        Assert.Equal(2, (await author.NotificationsAsync()).Count(n => n.Kind == ModerationNotifications.Decision.Name));
        var page = await (await App.SignInWithBrowserCookiesAsync(admin)).PageAsync("/moderation");
        Assert.Contains("id=\"hidden\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restore_is_not_a_decision_on_reports_and_two_moderators_deciding_at_once_make_one_decision()
    {
        var owner = await NewPersonAsync("Owner");
        var space = await owner.CreateSpaceAsync("Atelier concurrent");
        var second = await NewPersonAsync("Second moderator");
        await second.JoinAsync(space);
        await Actor.ExpectAsync(
            await owner.Http.PutAsJsonAsync($"/api/v1/spaces/{space.Id}/members/{second.Id}/role", new { role = "moderator" }, Actor.Json),
            HttpStatusCode.NoContent);
        var author = await NewPersonAsync("Author");
        await author.JoinAsync(space);
        var post = await author.PostAsync("Contenu signalé deux fois", space);
        await owner.ReportAsync(post, "spam");

        await owner.TryDecideAsync("post", post.Id, "restore", "Non").ShouldBeProblemAsync(HttpStatusCode.BadRequest, "moderation.action-required");

        var answers = await Task.WhenAll(
            owner.TryDecideAsync("post", post.Id, "delete", "Spam manifeste"),
            second.TryDecideAsync("post", post.Id, "hide", "Spam"));

        // One decides; the other finds the reports claimed (409) or, when the deletion committed first, no content (404).
        var statuses = answers.Select(a => a.StatusCode).Order().ToList();
        Assert.Equal(HttpStatusCode.Created, statuses[0]);
        Assert.Contains(statuses[1], new[] { HttpStatusCode.Conflict, HttpStatusCode.NotFound });
        Assert.Single(await author.NotificationsAsync(), n => n.Kind == ModerationNotifications.Decision.Name);
        Assert.Empty(await owner.QueueAsync());
    }
}

public sealed class ModerationTestsOnSqlite(SqliteApp app) : ModerationTests(app), IClassFixture<SqliteApp>;

public sealed class ModerationTestsOnPostgres(PostgresApp app) : ModerationTests(app), IClassFixture<PostgresApp>;
