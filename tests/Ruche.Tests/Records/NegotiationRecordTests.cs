using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ruche.Core.Audit;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.Records;
using Ruche.Tests.Dialogue;
using Ruche.Tests.Infrastructure;
using Ruche.Tests.Notifications;

namespace Ruche.Tests.Records;

/// <summary>Negotiation records: co-edited by the named parties, published only once every party approved the current version.</summary>
public abstract class NegotiationRecordTests(RucheApp app) : ProviderTests(app)
{
    [Fact]
    public async Task A_record_publishes_only_after_every_party_approved_and_an_edit_after_approval_reopens_review()
    {
        var (admin, dg, drh, delegateA, delegateB, employee) = await CastAsync();
        var unionA = await admin.RecordUnionAsync("Ruche Négo A " + Guid.NewGuid().ToString("N")[..6], delegateA);
        var unionB = await admin.RecordUnionAsync("Ruche Négo B " + Guid.NewGuid().ToString("N")[..6], delegateB);
        var id = await dg.DraftAsync("Accord télétravail", [unionA.Id, unionB.Id], [drh.Id]);

        // Only parties read a draft; an approval before review is refused.
        await employee.Http.GetAsync($"/api/v1/records/{id}").ShouldBeProblemAsync(HttpStatusCode.NotFound, "records.not-found");
        await employee.SendEditAsync(id, "Intrusion").ShouldBeProblemAsync(HttpStatusCode.NotFound, "records.not-found");
        await admin.Http.GetAsync($"/api/v1/records/{id}").ShouldBeProblemAsync(HttpStatusCode.NotFound, "records.not-found");
        Assert.Equal(NegotiationStatus.Draft, (await delegateA.RecordAsync(id)).Status);
        await dg.SendApproveAsync(id, 1).ShouldBeProblemAsync(HttpStatusCode.Conflict, "records.not-in-review");

        // A delegate co-edits; the draft goes to review; approvals of a stale version are refused.
        await Actor.ExpectAsync(await delegateA.SendEditAsync(id, "Article 1 — Trois jours de télétravail par semaine.\nArticle 2 — Indemnité de 30 €."), HttpStatusCode.NoContent);
        await dg.SubmitAsync(id);
        Assert.Contains(await delegateB.NotificationsAsync(), n => n.Kind == RecordsNotifications.ToApprove.Name && n.SubjectId == id);
        await dg.SendApproveAsync(id, 1).ShouldBeProblemAsync(HttpStatusCode.Conflict, "records.version-changed");
        await dg.ApproveAsync(id, 2);
        await dg.SendApproveAsync(id, 2).ShouldBeProblemAsync(HttpStatusCode.Conflict, "records.already-approved");
        await delegateA.ApproveAsync(id, 2);
        Assert.Equal(2, (await dg.RecordAsync(id)).Parties.Count(p => p.ApprovedVersion == 2));

        // An edit after approvals clears them and reopens review.
        await Actor.ExpectAsync(await delegateB.SendEditAsync(id, "Article 1 — Trois jours de télétravail par semaine.\nArticle 2 — Indemnité de 40 €."), HttpStatusCode.NoContent);
        var reopened = await dg.RecordAsync(id);
        Assert.Equal(NegotiationStatus.Review, reopened.Status);
        Assert.Equal(3, reopened.Version);
        Assert.All(reopened.Parties, p => Assert.Null(p.ApprovedVersion));
        Assert.Contains(reopened.Timeline, s => s.Kind == NegotiationStepKind.Reopened);

        // Three of four parties approved: still not published, still unread by the company.
        await dg.ApproveAsync(id, 3);
        await drh.ApproveAsync(id, 3);
        await delegateA.ApproveAsync(id, 3);
        Assert.Equal(NegotiationStatus.Review, (await dg.RecordAsync(id)).Status);
        await employee.Http.GetAsync($"/api/v1/records/{id}").ShouldBeProblemAsync(HttpStatusCode.NotFound, "records.not-found");

        // The last party approves: published at once to the whole company, who are told; it is final.
        await delegateB.ApproveAsync(id, 3);
        var published = await employee.RecordAsync(id);
        Assert.Equal(NegotiationStatus.Published, published.Status);
        Assert.NotNull(published.PublishedAt);
        Assert.Equal(
            [NegotiationStepKind.Drafted, NegotiationStepKind.Edited, NegotiationStepKind.Submitted, NegotiationStepKind.Approved, NegotiationStepKind.Approved,
             NegotiationStepKind.Edited, NegotiationStepKind.Reopened, NegotiationStepKind.Approved, NegotiationStepKind.Approved, NegotiationStepKind.Approved,
             NegotiationStepKind.Approved, NegotiationStepKind.AllApproved, NegotiationStepKind.Published],
            published.Timeline.Select(s => s.Kind));
        Assert.Contains(await employee.NotificationsAsync(), n => n.Kind == RecordsNotifications.Published.Name && n.SubjectId == id);
        await delegateA.SendEditAsync(id, "Après coup").ShouldBeProblemAsync(HttpStatusCode.Conflict, "records.published-final");
        Assert.Contains(await employee.GetAsync<List<NegotiationSummary>>("/api/v1/records?status=published"), r => r.Id == id);

        // The diff between versions names the changed words; the audit says a union approved, never which delegate.
        var diff = await employee.GetAsync<VersionDiff>($"/api/v1/records/{id}/diff?from=2&to=3");
        Assert.Contains(diff.Lines, l => l.Segments.Any(s => s.Change == DiffChange.Inserted && s.Text.Contains("40", StringComparison.Ordinal)));
        Assert.Contains(diff.Lines, l => l.Segments.Any(s => s.Change == DiffChange.Deleted && s.Text.Contains("30", StringComparison.Ordinal)));
        var audit = await admin.Http.GetStringAsync("/api/v1/admin/audit?pageSize=100");
        Assert.Contains("records.negotiation-published", audit, StringComparison.Ordinal);
        Assert.Contains("records.negotiation-approved", audit, StringComparison.Ordinal);
        await using var scope = App.Services.CreateAsyncScope();
        var approvals = await scope.ServiceProvider.GetRequiredService<RucheDbContext>().Set<AuditEntry>()
            .Where(a => a.Action == "records.negotiation-approved" && a.Target == $"negotiation:{id}").ToListAsync();
        Assert.Equal(6, approvals.Count);
        Assert.Equal(3, approvals.Count(a => a.ActorId == null));
        Assert.DoesNotContain(approvals, a => a.ActorId == delegateA.Id || a.ActorId == delegateB.Id);
    }

    [Fact]
    public async Task The_last_two_parties_approving_at_the_same_moment_publish_the_record()
    {
        var (admin, dg, _, delegateA, delegateB, employee) = await CastAsync();
        var unionA = await admin.RecordUnionAsync("Ruche Ensemble A " + Guid.NewGuid().ToString("N")[..6], delegateA);
        var unionB = await admin.RecordUnionAsync("Ruche Ensemble B " + Guid.NewGuid().ToString("N")[..6], delegateB);
        var id = await dg.DraftAsync("Accord intéressement", [unionA.Id, unionB.Id], []);
        await Actor.ExpectAsync(await delegateA.SendEditAsync(id, "Article unique — Une prime de 500 €."), HttpStatusCode.NoContent);
        await dg.SubmitAsync(id);
        await dg.ApproveAsync(id, 2);

        var approvals = await Task.WhenAll(delegateA.SendApproveAsync(id, 2), delegateB.SendApproveAsync(id, 2));

        Assert.All(approvals, a => Assert.Equal(HttpStatusCode.NoContent, a.StatusCode));
        Assert.Equal(NegotiationStatus.Published, (await employee.RecordAsync(id)).Status);
    }

    [Fact]
    public async Task A_form_button_posted_without_its_antiforgery_token_changes_nothing()
    {
        var (admin, dg, _, delegateA, _, _) = await CastAsync();
        var union = await admin.RecordUnionAsync("Ruche Jeton " + Guid.NewGuid().ToString("N")[..6], delegateA);
        var id = await dg.DraftAsync("Accord forfait jours", [union.Id], []);
        var browser = await App.SignInWithBrowserCookiesAsync(dg);

        Assert.Equal(HttpStatusCode.BadRequest, (await browser.PostAsync($"/ui/records/{id}/submission", null)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.PostAsync($"/ui/records/{id}/submission", new FormUrlEncodedContent([]))).StatusCode);
        Assert.Equal(NegotiationStatus.Draft, (await dg.RecordAsync(id)).Status);
    }

    [Fact]
    public async Task Bad_drafts_are_refused_and_nothing_is_created()
    {
        var (admin, dg, _, delegateA, _, employee) = await CastAsync();
        var union = await admin.RecordUnionAsync("Ruche Refus " + Guid.NewGuid().ToString("N")[..6], delegateA);
        var title = "Accord refusé " + Guid.NewGuid().ToString("N")[..6];

        await employee.SendDraftAsync(title, [union.Id]).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "records.direction-only");
        await delegateA.SendDraftAsync(title, [union.Id]).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "records.direction-only");
        await dg.SendDraftAsync(title, []).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "records.unions-invalid");
        await dg.SendDraftAsync(title, [union.Id + 100_000]).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "records.unions-invalid");
        await dg.SendDraftAsync(title, [union.Id], [employee.Id]).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "records.direction-invalid");
        await dg.SendDraftAsync("  ", [union.Id]).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "records.title-invalid");
        await dg.SendDraftAsync(title, [union.Id], audienceSpaceId: long.MaxValue).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "records.audience-invalid");
        var secret = await employee.CreateSpaceAsync("Projet secret " + title, SpaceVisibility.Secret);
        await dg.SendDraftAsync(title, [union.Id], audienceSpaceId: secret.Id).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "records.audience-invalid");
        var unionSpace = await delegateA.SpaceOfAsync(union);
        await dg.SendDraftAsync(title, [union.Id], audienceSpaceId: unionSpace.Id).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "records.audience-invalid");
        await dg.Http.GetAsync("/api/v1/records?status=bogus").ShouldBeProblemAsync(HttpStatusCode.BadRequest, "records.status-invalid");

        Assert.DoesNotContain(await dg.GetAsync<List<NegotiationSummary>>("/api/v1/records"), r => r.Title == title);
        Assert.DoesNotContain(await delegateA.GetAsync<List<NegotiationSummary>>("/api/v1/records"), r => r.Title == title);

        // A refused edit leaves the text and version as they were.
        var id = await dg.DraftAsync(title, [union.Id]);
        await delegateA.SendEditAsync(id, " ").ShouldBeProblemAsync(HttpStatusCode.BadRequest, "records.text-invalid");
        var record = await dg.RecordAsync(id);
        Assert.Equal(1, record.Version);
        Assert.Single(record.Versions);
    }

    private async Task<(Actor Admin, Actor Dg, Actor Drh, Actor DelegateA, Actor DelegateB, Actor Employee)> CastAsync() => (
        await NewPersonAsync("Admin", roles: "administrator"),
        await NewPersonAsync("Directrice générale", roles: "direction"),
        await NewPersonAsync("DRH", roles: "direction"),
        await NewPersonAsync("Déléguée A"),
        await NewPersonAsync("Délégué B"),
        await NewPersonAsync("Salariée"));
}

public sealed class NegotiationRecordTestsOnSqlite(SqliteApp app) : NegotiationRecordTests(app), IClassFixture<SqliteApp>;

public sealed class NegotiationRecordTestsOnPostgres(PostgresApp app) : NegotiationRecordTests(app), IClassFixture<PostgresApp>;
