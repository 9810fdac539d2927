using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.People;
using Ruche.Core.Subjects;

namespace Ruche.Core.Notifications;

/// <summary>A person's notification centre: their rows only, filtered by the read rule again at every read.</summary>
public sealed class NotificationService(RucheDbContext db, SubjectKinds subjects, NotificationKinds kinds, Notifier notifier, TimeProvider time)
{
    private const int ActorsShown = 3;

    public async Task<Page<NotificationView>> ListAsync(Viewer viewer, string? cursor, int? pageSize, CancellationToken cancellationToken)
    {
        var size = Cursor.PageSize(pageSize);
        var query = db.Notifications.VisibleTo(db, subjects, viewer.PersonId);
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
                n.SubjectKind,
                n.SubjectId,
                n.ActorCount,
                n.IsRead,
                n.UpdatedAt,
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
        var links = await SubjectLinks.DescribeAsync(db, subjects, rows.Take(size).Select(r => (r.SubjectKind, r.SubjectId)), cancellationToken);
        var items = rows.Take(size)
            .Select(r => new NotificationView(
                r.Id, r.Kind, r.SubjectKind, r.SubjectId, links.Of(r.SubjectKind, r.SubjectId), r.ActorCount,
                kinds.ShowsActors(r.Kind) ? actors[r.Id].ToList() : [], r.IsRead, r.UpdatedAt))
            .ToList();
        return new Page<NotificationView>(items, next);
    }

    public Task<int> UnreadCountAsync(Viewer viewer, CancellationToken cancellationToken) =>
        db.Notifications.VisibleTo(db, subjects, viewer.PersonId).CountAsync(n => !n.IsRead, cancellationToken);

    public async Task MarkReadAsync(Viewer viewer, long notificationId, CancellationToken cancellationToken)
    {
        var changed = await db.Notifications.VisibleTo(db, subjects, viewer.PersonId).Where(n => n.Id == notificationId)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.IsRead, true), cancellationToken);
        if (changed == 0)
        {
            throw RucheException.NotFound("notification.not-found", "No such notification.");
        }

        await notifier.PushAsync([viewer.PersonId]);
    }

    /// <summary>Marks the notification read and says what it is about, for the centre's link to lead there.</summary>
    public async Task<string> OpenAsync(Viewer viewer, long notificationId, CancellationToken cancellationToken)
    {
        var subject = await db.Notifications.VisibleTo(db, subjects, viewer.PersonId).Where(n => n.Id == notificationId)
            .Select(n => new { n.SubjectKind, n.SubjectId }).SingleOrDefaultAsync(cancellationToken)
            ?? throw RucheException.NotFound("notification.not-found", "No such notification.");
        await MarkReadAsync(viewer, notificationId, cancellationToken);
        var links = await SubjectLinks.DescribeAsync(db, subjects, [(subject.SubjectKind, subject.SubjectId)], cancellationToken);
        return links.Of(subject.SubjectKind, subject.SubjectId).Path;
    }

    public async Task MarkAllReadAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        await db.Notifications.Where(n => n.RecipientId == viewer.PersonId && !n.IsRead)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.IsRead, true), cancellationToken);
        await notifier.PushAsync([viewer.PersonId]);
    }
}

/// <param name="Subject">Where the line leads, and the title of what it is about when it has one.</param>
/// <param name="Actors">The latest few people who acted, newest first; <paramref name="ActorCount"/> counts them all.</param>
public sealed record NotificationView(
    long Id,
    string Kind,
    string SubjectKind,
    long SubjectId,
    SubjectLink Subject,
    int ActorCount,
    IReadOnlyList<PersonRef> Actors,
    bool IsRead,
    DateTime UpdatedAt)
{
    /// <summary>Where the line leads in the web UI.</summary>
    public string Path => Subject.Path;

    // The fields of API v1 from before subjects (V1SubjectFields).
    public long? PostId => V1SubjectFields.PostId(SubjectKind, SubjectId);

    public long? SpaceId => V1SubjectFields.SpaceId(SubjectKind, SubjectId);

    public string? SpaceName => SpaceId is null ? null : Subject.Title;

    public long? EventId => V1SubjectFields.EventId(SubjectKind, SubjectId);

    public string? EventTitle => EventId is null ? null : Subject.Title;
}
