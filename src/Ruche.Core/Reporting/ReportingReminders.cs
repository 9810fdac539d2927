using Microsoft.EntityFrameworkCore;
using Ruche.Core.Data;
using Ruche.Core.Notifications;
using Ruche.Core.WorkTime;

namespace Ruche.Core.Reporting;

/// <summary>
/// Warns the referents before a deadline: when an unacknowledged case is 2 working days or less from its acknowledgement
/// deadline, and when a case without feedback is 14 days or less from its feedback deadline (or past either). Each
/// warning is claimed on the case row ("set when still empty"), so two nodes running the pass send it once.
/// </summary>
public sealed class ReportingReminders(RucheDbContext db, WorkCalendar calendar, Notifier notifier, TimeProvider time)
{
    /// <summary>Sends the warnings due now; returns how many cases were claimed.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var holidays = await calendar.HolidaysAsync(cancellationToken);
        var today = CaseDeadlines.LocalDate(now);
        var acknowledgeHorizon = CaseDeadlines.AddWorkingDays(today, CaseDeadlines.AcknowledgeWarningWorkingDays, holidays);
        var feedbackHorizon = today.AddDays(CaseDeadlines.FeedbackWarningDays);
        var cases = db.Set<ReportingCase>().Where(c => c.Status != CaseStatus.Closed);
        var acknowledge = await cases.Where(c => c.AcknowledgedAt == null && c.AcknowledgeReminderAt == null && c.AcknowledgeBy <= acknowledgeHorizon)
            .Select(c => c.Id).ToListAsync(cancellationToken);
        var feedback = await cases.Where(c => c.AcknowledgedAt != null && c.FeedbackGivenAt == null && c.FeedbackReminderAt == null && c.FeedbackBy <= feedbackHorizon)
            .Select(c => c.Id).ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var id in acknowledge)
        {
            var claimed = await db.Set<ReportingCase>().Where(c => c.Id == id && c.AcknowledgeReminderAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.AcknowledgeReminderAt, now), cancellationToken);
            sent += await WarnAsync(claimed, id, "acknowledge", cancellationToken);
        }

        foreach (var id in feedback)
        {
            var claimed = await db.Set<ReportingCase>().Where(c => c.Id == id && c.FeedbackReminderAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.FeedbackReminderAt, now), cancellationToken);
            sent += await WarnAsync(claimed, id, "feedback", cancellationToken);
        }

        return sent;
    }

    private async Task<int> WarnAsync(int claimed, long caseId, string deadline, CancellationToken cancellationToken)
    {
        if (claimed == 0)
        {
            return 0;
        }

        var audience = await ReportingCaseSubject.Instance.AudienceAsync(db, caseId, cancellationToken);
        await notifier.NotifyAsync(ReportingNotifications.Deadline, null, audience.People, caseId, $"{deadline}:{caseId}");
        return 1;
    }
}
