using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.People;

namespace Ruche.Core.Notifications;

/// <summary>A person's notification centre: their rows only, filtered by the read rule again at every read.</summary>
public sealed class NotificationService(RucheDbContext db, Notifier notifier, TimeProvider time)
{
    private const int ActorsShown = 3;

    public async Task<Page<NotificationView>> ListAsync(Viewer viewer, string? cursor, int? pageSize, CancellationToken cancellationToken)
    {
        var size = Cursor.PageSize(pageSize);
        var query = db.Notifications.VisibleTo(db, viewer.PersonId);
        if (Cursor.Parse(cursor) is { } afterId)
        {
            // The cursor is the last row's id, not its time: nothing in a page says when anyone acted.
            var after = await db.Notifications.Where(n => n.Id == afterId && n.RecipientId == viewer.PersonId)
                .Select(n => new { n.UpdatedAt }).SingleOrDefaultAsync(cancellationToken)
                ?? throw RucheException.Invalid("cursor.invalid", "The cursor is not one this server produced.");
            query = query.Where(n => n.UpdatedAt < after.UpdatedAt || (n.UpdatedAt == after.UpdatedAt && n.Id < afterId));
        }

        var now = time.UtcNow();
        var rows = await query.OrderByDescending(n => n.UpdatedAt).ThenByDescending(n => n.Id).Take(size + 1)
            .Select(n => new
            {
                n.Id,
                n.Kind,
                n.PostId,
                n.SpaceId,
                SpaceName = n.SpaceId == null ? null : db.Spaces.Where(s => s.Id == n.SpaceId).Select(s => s.Name).FirstOrDefault(),
                n.EventId,
                EventTitle = n.EventId == null ? null : db.Events.Where(e => e.Id == n.EventId).Select(e => e.Title).FirstOrDefault(),
                n.ActorCount,
                n.IsRead,
            })
            .ToListAsync(cancellationToken);
        var next = rows.Count > size ? Cursor.Format(rows[size - 1].Id) : null;
        var ids = rows.Take(size).Select(r => r.Id).ToList();

        // A second query, as "fewer than three acted later" rather than a nested Take, which needs APPLY (not in SQLite).
        var all = db.Set<NotificationActor>();
        var actors = (await all.Where(a => ids.Contains(a.NotificationId))
                .Where(a => all.Count(b => b.NotificationId == a.NotificationId
                    && (b.ActedAt > a.ActedAt || (b.ActedAt == a.ActedAt && b.PersonId < a.PersonId))) < ActorsShown)
                .Select(a => new
                {
                    a.NotificationId,
                    a.ActedAt,
                    Person = PersonRefs.Of(a.Person!, now),
                })
                .ToListAsync(cancellationToken))
            .OrderByDescending(a => a.ActedAt).ThenBy(a => a.Person.Id)
            .ToLookup(a => a.NotificationId, a => a.Person);
        var items = rows.Take(size)
            .Select(r => new NotificationView(r.Id, r.Kind, r.PostId, r.SpaceId, r.SpaceName, r.ActorCount, actors[r.Id].ToList(), r.IsRead, r.EventId, r.EventTitle))
            .ToList();
        return new Page<NotificationView>(items, next);
    }

    public Task<int> UnreadCountAsync(Viewer viewer, CancellationToken cancellationToken) =>
        db.Notifications.VisibleTo(db, viewer.PersonId).CountAsync(n => !n.IsRead, cancellationToken);

    public async Task MarkReadAsync(Viewer viewer, long notificationId, CancellationToken cancellationToken)
    {
        var changed = await db.Notifications.VisibleTo(db, viewer.PersonId).Where(n => n.Id == notificationId)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.IsRead, true), cancellationToken);
        if (changed == 0)
        {
            throw RucheException.NotFound("notification.not-found", "No such notification.");
        }

        await notifier.PushAsync([viewer.PersonId]);
    }

    /// <summary>Marks the notification read and says what it is about, for the centre's link to lead there.</summary>
    public async Task<(long? PostId, long? SpaceId, long? EventId)> OpenAsync(Viewer viewer, long notificationId, CancellationToken cancellationToken)
    {
        var subject = await db.Notifications.VisibleTo(db, viewer.PersonId).Where(n => n.Id == notificationId)
            .Select(n => new { n.PostId, n.SpaceId, n.EventId }).SingleOrDefaultAsync(cancellationToken)
            ?? throw RucheException.NotFound("notification.not-found", "No such notification.");
        await MarkReadAsync(viewer, notificationId, cancellationToken);
        return (subject.PostId, subject.SpaceId, subject.EventId);
    }

    public async Task MarkAllReadAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        await db.Notifications.Where(n => n.RecipientId == viewer.PersonId && !n.IsRead)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.IsRead, true), cancellationToken);
        await notifier.PushAsync([viewer.PersonId]);
    }
}

/// <param name="Actors">The latest few people who acted, newest first; <paramref name="ActorCount"/> counts them all.</param>
public sealed record NotificationView(
    long Id,
    string Kind,
    long? PostId,
    long? SpaceId,
    string? SpaceName,
    int ActorCount,
    IReadOnlyList<PersonRef> Actors,
    bool IsRead,
    long? EventId = null,
    string? EventTitle = null)
{
    /// <summary>Where the line leads in the web UI.</summary>
    public string Path => Paths.Of(PostId, SpaceId, EventId);
}

/// <summary>The web address of a notification's subject, shared by the centre and the digest.</summary>
public static class Paths
{
    /// <summary>Where a notification leads: its post, event or space, or the person's own goals for a personal one.</summary>
    public static string Of(long? postId, long? spaceId, long? eventId) =>
        postId is { } post ? $"/posts/{post}"
        : eventId is { } e ? $"/events/{e}"
        : spaceId is { } space ? $"/spaces/{space}/members"
        : "/goals";
}
