using Microsoft.EntityFrameworkCore;
using Ruche.Core.Data;
using Ruche.Core.PersonalData;
using Ruche.Core.Subjects;

namespace Ruche.Core.Notifications;

/// <summary>
/// A person's notifications as personal data: what their export holds, what their erasure removes, and what retention
/// deletes. The export finds it as a personal data source; Privacy calls the rest; nothing outside this feature touches
/// the notification tables.
/// </summary>
public sealed class NotificationsPersonalData(RucheDbContext db) : IPersonalDataSource
{
    /// <summary>Their own choices, and what they were told: kinds, subjects and counts, not who the other people were.</summary>
    public async Task ExportAsync(long personId, PersonalDataSections sections, CancellationToken cancellationToken) =>
        sections.Add("notifications", await ReadAsync(personId, cancellationToken));

    private async Task<object> ReadAsync(long personId, CancellationToken cancellationToken) => new
    {
        channels = await db.NotificationPreferences.AsNoTracking().Where(p => p.PersonId == personId)
            .Select(p => new { p.Kind, channel = p.Channel.ToString() }).ToListAsync(cancellationToken),
        quietHours = await db.QuietHours.AsNoTracking().Where(q => q.PersonId == personId)
            .Select(q => new { q.StartMinute, q.EndMinute }).SingleOrDefaultAsync(cancellationToken),
        digest = await db.DigestSchedules.AsNoTracking().Where(d => d.PersonId == personId)
            .Select(d => new { frequency = d.Frequency.ToString(), d.LastSentAt }).SingleOrDefaultAsync(cancellationToken),
        received = await db.Notifications.AsNoTracking().Where(n => n.RecipientId == personId).OrderBy(n => n.Id)
            .Select(n => new
            {
                n.Kind,
                subjectKind = n.SubjectKind,
                subjectId = n.SubjectId,

                // As exports made before subjects said it (the same names as the notifications API of v1).
                postId = n.SubjectKind == V1SubjectFields.Post ? n.SubjectId : (long?)null,
                spaceId = n.SubjectKind == V1SubjectFields.SpaceModeration ? n.SubjectId : (long?)null,
                n.ActorCount,
                n.IsRead,
            })
            .ToListAsync(cancellationToken),
    };

    /// <summary>Their own notifications and choices go; as an actor they leave others' groups, whose counts follow.</summary>
    public async Task EraseAsync(long personId, CancellationToken cancellationToken)
    {
        await db.Notifications.Where(n => n.RecipientId == personId).ExecuteDeleteAsync(cancellationToken);
        await db.NotificationPreferences.Where(p => p.PersonId == personId).ExecuteDeleteAsync(cancellationToken);
        await db.QuietHours.Where(q => q.PersonId == personId).ExecuteDeleteAsync(cancellationToken);
        await db.DigestSchedules.Where(d => d.PersonId == personId).ExecuteDeleteAsync(cancellationToken);
        var actors = db.Set<NotificationActor>();
        var touched = await actors.Where(a => a.PersonId == personId).Select(a => a.NotificationId).ToListAsync(cancellationToken);
        await actors.Where(a => a.PersonId == personId).ExecuteDeleteAsync(cancellationToken);
        await db.Notifications.Where(n => touched.Contains(n.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ActorCount, n => actors.Count(a => a.NotificationId == n.Id)), cancellationToken);
        await db.Notifications.Where(n => touched.Contains(n.Id) && n.ActorCount == 0).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Deletes a batch of rows last updated before the cutoff (the retention policy); returns how many went.</summary>
    public async Task<int> DeleteOlderThanAsync(DateTime cutoff, int batchSize, CancellationToken cancellationToken)
    {
        var ids = await db.Notifications.Where(n => n.UpdatedAt < cutoff).OrderBy(n => n.Id).Select(n => n.Id).Take(batchSize).ToListAsync(cancellationToken);
        return ids.Count == 0 ? 0 : await db.Notifications.Where(n => ids.Contains(n.Id)).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>
    /// Deletes a batch of rows whose subject is gone (a deleted post's, an event's): the read rule already hides them,
    /// this removes the data. Returns how many went.
    /// </summary>
    public async Task<int> DeleteOrphansAsync(SubjectKinds subjects, int batchSize, CancellationToken cancellationToken)
    {
        var deleted = 0;
        foreach (var subject in subjects.All)
        {
            var existing = subject.Existing(db);
            var name = subject.Name;
            var orphans = await db.Notifications.Where(n => n.SubjectKind == name && !existing.Contains(n.SubjectId))
                .OrderBy(n => n.Id).Select(n => n.Id).Take(batchSize - deleted).ToListAsync(cancellationToken);
            deleted += orphans.Count == 0 ? 0 : await db.Notifications.Where(n => orphans.Contains(n.Id)).ExecuteDeleteAsync(cancellationToken);
            if (deleted >= batchSize)
            {
                break;
            }
        }

        return deleted;
    }
}
