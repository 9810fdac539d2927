using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.WorkTime;

namespace Ruche.Core.Reporting;

/// <summary>
/// The referents' side of the channel: the dashboard of cases and deadlines, reading a case, writing to its reporter,
/// moving it through its statuses, and the access log. Every case is loaded through <see cref="ReportingQueries.VisibleTo"/>
/// (a non-referent, administrators included, finds nothing: 404), and every read or change of a case is logged.
/// </summary>
public sealed class ReferentDesk(RucheDbContext db, CaseSeals seals, ReportingAccessLog log, WorkCalendar calendar, TimeProvider time)
{
    public const int AccessPageSize = 200;

    /// <summary>Whether this person is a referent (pages show the channel's entry to them only).</summary>
    public Task<bool> IsReferentAsync(Viewer viewer, CancellationToken cancellationToken) =>
        db.Set<ReferentSeat>().AnyAsync(s => s.PersonId == viewer.PersonId, cancellationToken);

    public async Task<ReportingDashboard> DashboardAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        await RequireReferentAsync(viewer, cancellationToken);
        var holidays = await calendar.HolidaysAsync(cancellationToken);
        var today = CaseDeadlines.LocalDate(time.UtcNow());
        var cases = await db.Set<ReportingCase>().AsNoTracking().VisibleTo(viewer.PersonId)
            .OrderByDescending(c => c.ReceivedAt).ThenByDescending(c => c.Id)
            .Select(c => new
            {
                c.Id, c.Code, c.Topic, c.Status, c.Outcome, c.ReceivedAt, c.AcknowledgeBy, c.FeedbackBy, c.AcknowledgedAt, c.FeedbackGivenAt, c.IsNamed, c.AnonymisedAt,
            })
            .ToListAsync(cancellationToken);
        var lines = cases.Select(c => Line(c.Id, c.Code, c.Topic, c.Status, c.ReceivedAt, c.AcknowledgeBy, c.FeedbackBy, c.AcknowledgedAt, c.FeedbackGivenAt, c.IsNamed, today, holidays)).ToList();
        var open = lines.Where(l => l.Status != CaseStatus.Closed).OrderByDescending(l => l.Deadline).ThenBy(l => l.NextDeadline).ToList();
        var statistics = new ReportingStatistics(
            cases.Count,
            cases.Count(c => c.Status == CaseStatus.Closed),
            cases.Count(c => c.AnonymisedAt is not null),
            cases.GroupBy(c => c.Topic).ToDictionary(g => g.Key, g => g.Count()),
            cases.Where(c => c.Outcome is not null).GroupBy(c => c.Outcome!.Value).ToDictionary(g => g.Key, g => g.Count()));
        return new ReportingDashboard(open, [.. lines.Where(l => l.Status == CaseStatus.Closed)], await ReferentsAsync(cancellationToken), statistics);
    }

    /// <summary>A case with its texts, opened for this referent; the read is logged before anything is shown.</summary>
    public async Task<CaseView> ReadAsync(Viewer viewer, long caseId, CancellationToken cancellationToken)
    {
        var found = await VisibleCaseAsync(viewer, caseId, cancellationToken);
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await log.AppendAsync(found.Id, AccessActor.Referent, viewer.PersonId, "case.read", null, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        var holidays = await calendar.HolidaysAsync(cancellationToken);
        var today = CaseDeadlines.LocalDate(time.UtcNow());
        var messages = await db.Set<ReportingMessage>().AsNoTracking().Where(m => m.CaseId == found.Id).OrderBy(m => m.Id)
            .Select(m => new { m.Id, m.ReferentId, m.At, m.SealedText, Name = db.People.Where(p => p.Id == m.ReferentId).Select(p => p.DisplayName).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        return new CaseView(
            Line(found.Id, found.Code, found.Topic, found.Status, found.ReceivedAt, found.AcknowledgeBy, found.FeedbackBy, found.AcknowledgedAt, found.FeedbackGivenAt, found.IsNamed, today, holidays),
            found.Outcome,
            found.Source,
            found.ClosedAt,
            found.AnonymisedAt,
            seals.OpenText(found.Code, found.SealedText),
            seals.OpenIdentity(found.Code, found.SealedIdentity),
            seals.OpenConcerned(found.Code, found.SealedConcerned),
            [.. messages.Select(m => new CaseMessageView(m.Id, m.ReferentId is null, m.Name, m.At, seals.OpenMessage(found.Code, m.SealedText) ?? string.Empty))],
            await AccessesAsync(found.Id, cancellationToken));
    }

    /// <summary>A referent writes to the reporter; after acknowledgement, the first message is the feedback the law asks for.</summary>
    public async Task WriteAsync(Viewer viewer, long caseId, string? text, CancellationToken cancellationToken)
    {
        var message = ReportingInput.Text(text, "message", ReportingInput.MessageMaxLength);
        var found = await VisibleCaseAsync(viewer, caseId, cancellationToken);
        if (found.AnonymisedAt is not null)
        {
            throw RucheException.Conflict("reporting.case-anonymised", "This case's texts were erased: it takes no more messages.");
        }

        var now = time.UtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Add(new ReportingMessage { CaseId = found.Id, ReferentId = viewer.PersonId, SealedText = seals.Message(found.Code, message), At = now });
        await db.SaveChangesAsync(cancellationToken);
        var feedback = found.Status != CaseStatus.Received && found.FeedbackGivenAt is null;
        await db.Set<ReportingCase>().Where(c => c.Id == found.Id).ExecuteUpdateAsync(
            s => s.SetProperty(c => c.LastActivityAt, now).SetProperty(c => c.FeedbackGivenAt, c => feedback ? now : c.FeedbackGivenAt), cancellationToken);
        await log.AppendAsync(found.Id, AccessActor.Referent, viewer.PersonId, "case.message", null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// received → acknowledged → under investigation → closed (with an outcome); closing is possible from any open
    /// status once acknowledged. Acknowledging starts the 3-month feedback deadline.
    /// </summary>
    public async Task ChangeStatusAsync(Viewer viewer, long caseId, string? status, string? outcome, CancellationToken cancellationToken)
    {
        var wanted = ReportingInput.Choice<CaseStatus>(status, "status");
        CaseOutcome? closedWith = wanted == CaseStatus.Closed ? ReportingInput.Choice<CaseOutcome>(outcome, "outcome") : null;
        var found = await VisibleCaseAsync(viewer, caseId, cancellationToken);
        var allowed = (found.Status, wanted) switch
        {
            (CaseStatus.Received, CaseStatus.Acknowledged) => true,
            (CaseStatus.Acknowledged, CaseStatus.Investigating or CaseStatus.Closed) => true,
            (CaseStatus.Investigating, CaseStatus.Closed) => true,
            _ => false,
        };
        if (!allowed)
        {
            throw RucheException.Conflict("reporting.status-not-allowed", $"A case {found.Status} cannot become {wanted}.");
        }

        var now = time.UtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var tracked = await db.Set<ReportingCase>().SingleAsync(c => c.Id == found.Id, cancellationToken);
        tracked.Status = wanted;
        tracked.LastActivityAt = now;
        if (wanted == CaseStatus.Acknowledged)
        {
            tracked.AcknowledgedAt = now;
            tracked.FeedbackBy = CaseDeadlines.FeedbackBy(CaseDeadlines.LocalDate(now));
        }

        if (wanted == CaseStatus.Closed)
        {
            tracked.ClosedAt = now;
            tracked.Outcome = closedWith;
            tracked.FeedbackGivenAt ??= now;
        }

        await db.SaveChangesAsync(cancellationToken);
        await log.AppendAsync(found.Id, AccessActor.Referent, viewer.PersonId, "case.status", ReportingInput.Name(wanted), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The whole channel's access log, newest first (referents only); reading it is not itself a case access.</summary>
    public async Task<AccessLogView> AccessLogAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        await RequireReferentAsync(viewer, cancellationToken);
        return new AccessLogView(await AccessesAsync(null, cancellationToken), await log.IsIntactAsync(cancellationToken));
    }

    private async Task<List<AccessLine>> AccessesAsync(long? caseId, CancellationToken cancellationToken)
    {
        var entries = db.Set<ReportingAccess>().AsNoTracking();
        if (caseId is { } id)
        {
            entries = entries.Where(a => a.CaseId == id);
        }

        return await entries.OrderByDescending(a => a.Id).Take(AccessPageSize)
            .Select(a => new AccessLine(
                a.Id, a.At, a.CaseId, db.Set<ReportingCase>().Where(c => c.Id == a.CaseId).Select(c => c.Code).FirstOrDefault(), a.Actor, a.ActorId,
                db.People.Where(p => p.Id == a.ActorId).Select(p => p.DisplayName).FirstOrDefault(), a.Action, a.Detail))
            .ToListAsync(cancellationToken);
    }

    private async Task<List<ReferentView>> ReferentsAsync(CancellationToken cancellationToken) =>
        await db.People.Where(p => db.Set<ReferentSeat>().Any(s => s.PersonId == p.Id) && p.IsActive)
            .OrderBy(p => p.DisplayName).Select(p => new ReferentView(p.Id, p.DisplayName)).ToListAsync(cancellationToken);

    private async Task<ReportingCase> VisibleCaseAsync(Viewer viewer, long caseId, CancellationToken cancellationToken) =>
        await db.Set<ReportingCase>().AsNoTracking().VisibleTo(viewer.PersonId).SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken)
            ?? throw RucheException.NotFound("reporting.case-not-found", "No such case.");

    private async Task RequireReferentAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        if (!await IsReferentAsync(viewer, cancellationToken))
        {
            throw RucheException.Forbidden("reporting.referent-required", "Only the channel's referents read it.");
        }
    }

    private static CaseLine Line(
        long id, string code, CaseTopic topic, CaseStatus status, DateTime receivedAt, DateOnly acknowledgeBy, DateOnly feedbackBy,
        DateTime? acknowledgedAt, DateTime? feedbackGivenAt, bool isNamed, DateOnly today, Holidays holidays)
    {
        var (state, next) = status == CaseStatus.Closed ? (DeadlineState.None, (DateOnly?)null)
            : acknowledgedAt is null ? (StateOf(CaseDeadlines.WorkingDaysBetween(today, acknowledgeBy, holidays), CaseDeadlines.AcknowledgeWarningWorkingDays), acknowledgeBy)
            : feedbackGivenAt is null ? (StateOf(feedbackBy.DayNumber - today.DayNumber, CaseDeadlines.FeedbackWarningDays), feedbackBy)
            : (DeadlineState.OnTrack, (DateOnly?)null);
        return new CaseLine(id, code, topic, status, receivedAt, acknowledgeBy, feedbackBy, acknowledgedAt, feedbackGivenAt, state, next, isNamed);
    }

    private static DeadlineState StateOf(int left, int warning) =>
        left < 0 ? DeadlineState.Overdue : left <= warning ? DeadlineState.AtRisk : DeadlineState.OnTrack;
}

public sealed record AccessLogView(IReadOnlyList<AccessLine> Entries, bool Intact);
