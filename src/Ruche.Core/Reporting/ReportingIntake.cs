using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.Notifications;
using Ruche.Core.WorkTime;

namespace Ruche.Core.Reporting;

/// <summary>
/// The reporter's side of the channel, reachable without an account: making a report (anonymous, or named and seen by
/// referents only), then following it and writing to the referents with the case code and secret. A wrong code and a
/// wrong secret are refused with the same answer, after the same work. Nothing here receives or stores a network
/// address, and an anonymous report stores no person id.
/// </summary>
public sealed class ReportingIntake(
    RucheDbContext db, CaseSeals seals, ReportingAccessLog log, WorkCalendar calendar, Notifier notifier, TimeProvider time)
{
    /// <summary>A report from the public form; <paramref name="account"/> is the signed-in person when they chose to be named from their account.</summary>
    public async Task<CaseReceipt> SubmitAsync(CaseSubmission submission, ReporterAccount? account, CancellationToken cancellationToken)
    {
        var text = ReportingInput.Text(submission.Text, "text", ReportingInput.TextMaxLength);
        var topic = ReportingInput.Choice<CaseTopic>(submission.Topic, "topic");
        var concerned = ReportingInput.Optional(submission.Concerned, "concerned", ReportingInput.ConcernedMaxLength);
        string? identity = null;
        long? reporterId = null;
        if (submission.Named)
        {
            reporterId = account?.PersonId;
            identity = account is { } signedIn
                ? IdentityOf(signedIn, ReportingInput.Optional(submission.Contact, "contact", ReportingInput.ContactMaxLength))
                : IdentityOf(
                    ReportingInput.Text(submission.Name, "name", ReportingInput.NameMaxLength),
                    ReportingInput.Optional(submission.Contact, "contact", ReportingInput.ContactMaxLength));
        }

        return await OpenAsync(text, topic, concerned, identity, reporterId, CaseSource.Form, cancellationToken);
    }

    /// <summary>
    /// Opens a case from text another feature already holds (an irritant that turns out to be a matter for the channel):
    /// the same deadlines, seals and referents as a report made on the form. The caller gives the receipt to whoever must
    /// follow the case; <paramref name="reporter"/> is null for an anonymous author.
    /// </summary>
    public async Task<CaseReceipt> OpenCaseAsync(string? text, string? topic, ReporterAccount? reporter, CancellationToken cancellationToken)
    {
        var checkedText = ReportingInput.Text(text, "text", ReportingInput.TextMaxLength);
        var checkedTopic = ReportingInput.Choice<CaseTopic>(topic, "topic");
        return await OpenAsync(checkedText, checkedTopic, null, reporter is null ? null : IdentityOf(reporter, null), reporter?.PersonId, CaseSource.Handover, cancellationToken);
    }

    public async Task<ReporterCaseView> FollowAsync(string? code, string? secret, CancellationToken cancellationToken)
    {
        var found = await OwnCaseAsync(code, secret, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await log.AppendAsync(found.Id, AccessActor.Reporter, null, "case.followed", null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var messages = await db.Set<ReportingMessage>().AsNoTracking().Where(m => m.CaseId == found.Id).OrderBy(m => m.Id).ToListAsync(cancellationToken);
        return new ReporterCaseView(
            found.Code, found.Status, found.Outcome, found.ReceivedAt, found.AcknowledgedAt, found.ClosedAt, found.IsNamed,
            seals.OpenText(found.Code, found.SealedText),
            [.. messages.Select(m => new CaseMessageView(m.Id, m.ReferentId is null, null, m.At, seals.OpenMessage(found.Code, m.SealedText) ?? string.Empty))],
            found.AnonymisedAt is not null);
    }

    /// <summary>The reporter writes to the referents; they are told (the case code only).</summary>
    public async Task WriteAsync(string? code, string? secret, string? text, CancellationToken cancellationToken)
    {
        var message = ReportingInput.Text(text, "message", ReportingInput.MessageMaxLength);
        var found = await OwnCaseAsync(code, secret, cancellationToken);
        var now = time.UtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Add(new ReportingMessage { CaseId = found.Id, SealedText = seals.Message(found.Code, message), At = now });
        await db.Set<ReportingCase>().Where(c => c.Id == found.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.LastActivityAt, now), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await log.AppendAsync(found.Id, AccessActor.Reporter, null, "case.message", null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await NotifyReferentsAsync(ReportingNotifications.ReporterWrote, found.Id, cancellationToken);
    }

    private async Task<CaseReceipt> OpenAsync(string text, CaseTopic topic, string? concerned, string? identity, long? reporterId, CaseSource source, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var holidays = await calendar.HolidaysAsync(cancellationToken);
        var acknowledgeBy = CaseDeadlines.AcknowledgeBy(now, holidays);
        var code = await FreeCodeAsync(cancellationToken);
        var secret = CaseReceipts.NewSecret();
        var (salt, hash) = CaseReceipts.HashSecret(secret);
        var opened = new ReportingCase
        {
            Code = code,
            SecretSalt = salt,
            SecretHash = hash,
            IsNamed = identity is not null,
            Topic = topic,
            Source = source,
            SealedText = seals.Text(code, text),
            SealedIdentity = identity is null ? null : seals.Identity(code, identity),
            ReporterFingerprint = reporterId is { } personId ? seals.Reporter(personId) : null,
            SealedConcerned = concerned is null ? null : seals.Concerned(code, concerned),
            Status = CaseStatus.Received,
            ReceivedAt = now,
            AcknowledgeBy = acknowledgeBy,
            FeedbackBy = CaseDeadlines.FeedbackBy(acknowledgeBy),
            LastActivityAt = now,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Add(opened);
        await db.SaveChangesAsync(cancellationToken);
        await log.AppendAsync(opened.Id, source == CaseSource.Form ? AccessActor.Reporter : AccessActor.System, null, "case.received", null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await NotifyReferentsAsync(ReportingNotifications.Received, opened.Id, cancellationToken);
        return new CaseReceipt(code, secret);
    }

    private async Task NotifyReferentsAsync(NotificationKind kind, long caseId, CancellationToken cancellationToken)
    {
        var audience = await ReportingCaseSubject.Instance.AudienceAsync(db, caseId, cancellationToken);
        await notifier.NotifyAsync(kind, null, audience.People, caseId);
    }

    /// <summary>The case the code and secret open, or the one refusal for every wrong pair (same work either way).</summary>
    private async Task<ReportingCase> OwnCaseAsync(string? code, string? secret, CancellationToken cancellationToken)
    {
        var normalCode = CaseReceipts.Normalize(code);
        var normalSecret = CaseReceipts.Normalize(secret, secret: true) ?? string.Empty;
        var found = normalCode is null ? null : await db.Set<ReportingCase>().AsNoTracking().SingleOrDefaultAsync(c => c.Code == normalCode, cancellationToken);
        var matches = CaseReceipts.Matches(normalSecret, found?.SecretSalt, found?.SecretHash);
        return matches && found is not null
            ? found
            : throw RucheException.NotFound("reporting.follow-refused", "No case answers this code and secret.");
    }

    private async Task<string> FreeCodeAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var code = CaseReceipts.NewCode();
            if (!await db.Set<ReportingCase>().AnyAsync(c => c.Code == code, cancellationToken))
            {
                return code;
            }
        }
    }

    private static string IdentityOf(ReporterAccount account, string? contact) =>
        IdentityOf($"{account.DisplayName} (account #{account.PersonId}{(account.Email is null ? string.Empty : ", " + account.Email)})", contact);

    private static string IdentityOf(string name, string? contact) => contact is null ? name : $"{name} — {contact}";
}
