using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Ruche.Core.Data;
using Ruche.Core.Events;
using Ruche.Core.Live;
using Ruche.Core.Posts;
using Ruche.Core.Spaces;

namespace Ruche.Core.Notifications;

/// <summary>
/// The one way features raise notifications (ADR 0007), called after their own change is committed. It drops the
/// actor, anyone who may not see the subject and anyone who turned the kind off; folds the event into the
/// recipient's row for the same subject; then pushes the new unread count live, outside the recipient's quiet hours.
/// </summary>
public sealed partial class Notifier(RucheDbContext db, ILiveChannel channel, TimeProvider time, ILogger<Notifier> logger)
{
    /// <param name="group">What folds together beyond kind and subject (a reply groups per comment answered); null: per subject.</param>
    public Task NotifyAsync(NotificationKind kind, long actorId, IEnumerable<long> recipientIds, long? postId, long? spaceId, string? group = null) =>
        NotifyAsync(kind, actorId, recipientIds, new Subject(postId, spaceId, null), group);

    /// <summary>About an event (a kind whose subject is <see cref="NotificationSubject.Event"/>): one row per recipient and event.</summary>
    public Task NotifyEventAsync(NotificationKind kind, long actorId, IEnumerable<long> recipientIds, long eventId) =>
        NotifyAsync(kind, actorId, recipientIds, new Subject(null, null, eventId), null);

    private async Task NotifyAsync(NotificationKind kind, long actorId, IEnumerable<long> recipientIds, Subject subject, string? group)
    {
        try
        {
            var recipients = await AllowedAsync(kind, actorId, recipientIds, subject);
            if (recipients.Count == 0)
            {
                return;
            }

            var groupKey = $"{kind.Name}:{group ?? subject.Key}";
            await FoldAsync(kind, actorId, recipients, subject, groupKey);
            await PushAsync(recipients);
        }
#pragma warning disable CA1031 // The feature's change is saved: a notification that fails is logged, never turned into its error.
        catch (Exception failure)
#pragma warning restore CA1031
        {
            db.ChangeTracker.Clear();
            LogFailure(logger, failure, kind.Name);
        }
    }

    /// <summary>Tells these people their unread count, unless it is their quiet time.</summary>
    public async Task PushAsync(IReadOnlyCollection<long> personIds)
    {
        var now = time.GetUtcNow();
        var people = await db.People.Where(p => personIds.Contains(p.Id))
            .Select(p => new { p.Id, p.TimeZone, Quiet = db.QuietHours.FirstOrDefault(q => q.PersonId == p.Id) })
            .ToListAsync();
        foreach (var person in people.Where(p => !NotificationQueries.IsQuiet(p.Quiet, p.TimeZone, now)))
        {
            var unread = await db.Notifications.VisibleTo(db, person.Id).CountAsync(n => !n.IsRead);
            await channel.People([person.Id]).NotificationsChanged(new NotificationsChangedEvent(unread));
        }
    }

    private async Task<List<long>> AllowedAsync(NotificationKind kind, long actorId, IEnumerable<long> recipientIds, Subject subject)
    {
        var candidates = recipientIds.Where(id => id != actorId).Distinct().ToList();
        var allowed = new List<long>();
        foreach (var id in candidates)
        {
            var sees = kind.Subject switch
            {
                NotificationSubject.Post => await db.Posts.VisibleTo(id).AnyAsync(p => p.Id == subject.PostId),
                NotificationSubject.Event => await db.Events.VisibleTo(id).AnyAsync(e => e.Id == subject.EventId),
                NotificationSubject.SpaceModeration => await db.SpaceMemberships.AnyAsync(m => m.SpaceId == subject.SpaceId && m.PersonId == id
                    && m.IsModerating()),
                _ => subject is { PostId: null, SpaceId: null, EventId: null },
            };
            if (sees)
            {
                allowed.Add(id);
            }
        }

        var channels = await db.NotificationPreferences.Where(p => p.Kind == kind.Name && allowed.Contains(p.PersonId))
            .ToDictionaryAsync(p => p.PersonId, p => p.Channel);
        var active = await db.People.Where(p => allowed.Contains(p.Id) && p.IsActive).Select(p => p.Id).ToListAsync();
        return active.Where(id => channels.GetValueOrDefault(id, kind.DefaultChannel) != NotificationChannel.None).ToList();
    }

    private async Task FoldAsync(NotificationKind kind, long actorId, List<long> recipients, Subject subject, string groupKey)
    {
        for (var attempt = 0; ; attempt++)
        {
            var now = time.UtcNow();
            var existing = await db.Notifications.Include(n => n.Actors.Where(a => a.PersonId == actorId))
                .Where(n => recipients.Contains(n.RecipientId) && n.GroupKey == groupKey)
                .ToDictionaryAsync(n => n.RecipientId);
            foreach (var recipient in recipients)
            {
                if (!existing.TryGetValue(recipient, out var row))
                {
                    row = new Notification
                    {
                        RecipientId = recipient,
                        Kind = kind.Name,
                        GroupKey = groupKey,
                        PostId = subject.PostId,
                        SpaceId = subject.PostId is null ? subject.SpaceId : null,
                        EventId = subject.EventId,
                        CreatedAt = now,
                    };
                    db.Notifications.Add(row);
                }

                if (row.Actors.SingleOrDefault() is { } actor)
                {
                    actor.ActedAt = now;
                }
                else
                {
                    row.Actors.Add(new NotificationActor { PersonId = actorId, ActedAt = now });
                    row.ActorCount++;
                }

                row.IsRead = false;
                row.UpdatedAt = now;
            }

            try
            {
                await db.SaveChangesAsync();
                await RecountAsync(groupKey, recipients);
                return;
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                // Another request created the same group meanwhile: fold into its row.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>
    /// Sets each row's count from its actor rows, after the commit: requests folding into one row at the same time each
    /// read the same count before adding themselves, so a count kept by increments would lose some of them.
    /// </summary>
    private Task<int> RecountAsync(string groupKey, List<long> recipients)
    {
        var actors = db.Set<NotificationActor>();
        return db.Notifications.Where(n => recipients.Contains(n.RecipientId) && n.GroupKey == groupKey)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ActorCount, n => actors.Count(a => a.NotificationId == n.Id)));
    }

    /// <summary>What a notification is about: a post, a space's moderation, an event, or nothing but the recipient's own routine.</summary>
    private sealed record Subject(long? PostId, long? SpaceId, long? EventId)
    {
        public string Key => PostId is { } p ? $"post:{p}" : EventId is { } e ? $"event:{e}" : $"space:{SpaceId}";
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification of kind {Kind} was not recorded")]
    private static partial void LogFailure(ILogger logger, Exception failure, string kind);
}
