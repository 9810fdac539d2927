using Microsoft.EntityFrameworkCore;
using Ruche.Core.Data;
using Ruche.Core.Notifications;

namespace Ruche.Core.Records;

/// <summary>
/// Reminds each secretary, once, of minutes due within <see cref="RecordsLimits.ReminderDaysBefore"/> days (or already
/// overdue) and not yet adopted. A meeting is claimed by one conditional update, so two nodes never remind twice.
/// </summary>
public sealed class MinutesReminders(RucheDbContext db, Notifier notifier, TimeProvider time)
{
    public async Task<int> RemindAsync(CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var horizon = now.AddDays(RecordsLimits.ReminderDaysBefore);
        var due = await db.Set<CseMeeting>()
            .Where(m => m.Status == MinutesStatus.Draft && m.ReminderSentAt == null && m.DeadlineAt <= horizon)
            .OrderBy(m => m.DeadlineAt).Take(100).Select(m => new { m.Id, m.Cse!.SecretaryId })
            .ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var meeting in due)
        {
            var claimed = await db.Set<CseMeeting>().Where(m => m.Id == meeting.Id && m.ReminderSentAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ReminderSentAt, now), cancellationToken);
            if (claimed == 1)
            {
                await notifier.NotifyAsync(RecordsNotifications.MinutesDue, null, [meeting.SecretaryId], meeting.Id);
                sent++;
            }
        }

        return sent;
    }
}
