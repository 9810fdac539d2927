using System.Data.Common;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Ruche.Core.Data;
using Ruche.Core.Live;
using Ruche.Core.People;
using Ruche.Core.Subjects;

namespace Ruche.Core.Notifications;

/// <summary>
/// The one way features and jobs raise notifications (ADR 0007, ADR 0011). It keeps, in one set query, the recipients
/// who are active, may read the subject (its kind's own rule) and did not turn the kind off, never the actor; folds
/// the event into each recipient's row for the same subject with two upserts and a recount, in one transaction that
/// takes its row locks in recipient order (so concurrent folds queue instead of deadlocking, and one that still
/// loses a deadlock is run again); then pushes the new unread counts live, outside quiet hours. A constant number of
/// SQL commands, whatever the audience's size.
/// </summary>
public sealed partial class Notifier(
    RucheDbContext db, IDatabaseProvider provider, SubjectKinds subjects, ILiveChannel channel, TimeProvider time, ILogger<Notifier> logger,
    IEnumerable<INotificationOutlet>? outlets = null)
{
    /// <summary>PostgreSQL's "deadlock detected"; SQLite has one writer at a time and never reports one.</summary>
    private const string DeadlockDetected = "40P01";

    private const int MaxAttempts = 3;

    /// <summary>
    /// After the feature's own change is committed: a notification that fails is logged, never turned into its error.
    /// </summary>
    /// <param name="actorId">Who acted; null when nobody the recipient may know did (an anonymous report, a poll's deadline).</param>
    /// <param name="group">What folds together beyond kind and subject (a reply groups per comment answered); null: per subject.</param>
    public async Task NotifyAsync(NotificationKind kind, long? actorId, IEnumerable<long> recipientIds, long subjectId, string? group = null)
    {
        try
        {
            var recipients = await RaiseAsync(kind, actorId, [.. recipientIds], subjectId, GroupKey(kind, subjectId, group));
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

    /// <summary>
    /// Notifies each person about their own subject of the kind (its id is theirs: the morning reminder is about their
    /// own goals), with no actor, inside the caller's transaction: a failure is the caller's to roll back. Returns who
    /// was notified; push their counts (<see cref="PushAsync"/>) once the transaction is committed.
    /// </summary>
    public Task<IReadOnlyList<long>> RaiseForEachAsync(NotificationKind kind, IReadOnlyCollection<long> people, string group) =>
        kind.Subject is SubjectKind<Person>
            ? RaiseAsync(kind, null, people, null, $"{kind.Name}:{group}")
            : throw new ArgumentException($"{kind.Name} is about a {kind.Subject.Name}, not about each person's own routine.", nameof(kind));

    /// <summary>
    /// Removes every notification about a subject that is being deleted (a page), inside the caller's transaction: the
    /// read rule would hide them and the hourly sweep remove them, this takes them with the subject. Returns whose
    /// unread rows went; push their counts (<see cref="PushAsync"/>) once the transaction is committed.
    /// </summary>
    public async Task<IReadOnlyList<long>> ForgetAsync(ISubjectKind subject, long subjectId, CancellationToken cancellationToken)
    {
        var name = subject.Name;
        var rows = db.Notifications.Where(n => n.SubjectKind == name && n.SubjectId == subjectId);
        var unread = await rows.Where(n => !n.IsRead).Select(n => n.RecipientId).Distinct().ToListAsync(cancellationToken);
        await rows.ExecuteDeleteAsync(cancellationToken);
        return unread;
    }

    /// <summary>
    /// Tells these people their unread count, unless it is their quiet time: two queries whatever their number. Best
    /// effort, like every live message: a backplane that is down is logged, never turned into the caller's error.
    /// </summary>
    public async Task PushAsync(IReadOnlyCollection<long> personIds)
    {
        if (personIds.Count == 0)
        {
            return;
        }

        try
        {
            await PushUnreadCountsAsync(personIds);
        }
#pragma warning disable CA1031 // Whatever failed, the notifications are saved: the live count is best effort.
        catch (Exception failure)
#pragma warning restore CA1031
        {
            LogPushFailure(logger, failure, personIds.Count);
        }
    }

    private async Task PushUnreadCountsAsync(IReadOnlyCollection<long> personIds)
    {
        var now = time.GetUtcNow();
        var people = await db.People.Where(p => personIds.Contains(p.Id))
            .Select(p => new { p.Id, p.TimeZone, Quiet = db.QuietHours.FirstOrDefault(q => q.PersonId == p.Id) })
            .ToListAsync();
        var awake = people.Where(p => !NotificationQueries.IsQuiet(p.Quiet, p.TimeZone, now)).Select(p => p.Id).ToList();
        if (awake.Count == 0)
        {
            return;
        }

        var unread = await db.Notifications.Where(n => awake.Contains(n.RecipientId) && !n.IsRead)
            .Where(NotificationQueries.Readable(db, subjects))
            .GroupBy(n => n.RecipientId)
            .Select(g => new { RecipientId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(c => c.RecipientId, c => c.Count);
        foreach (var id in awake)
        {
            await channel.People<INotificationsLiveClient>([id]).NotificationsChanged(new NotificationsChangedEvent(unread.GetValueOrDefault(id)));
        }
    }

    /// <param name="subjectId">The subject; null when each recipient's subject is their own (its id is theirs).</param>
    private async Task<IReadOnlyList<long>> RaiseAsync(NotificationKind kind, long? actorId, IReadOnlyCollection<long> candidates, long? subjectId, string groupKey)
    {
        var recipients = await AudienceAsync(kind, actorId, candidates, subjectId);
        if (recipients.Count == 0)
        {
            return recipients;
        }

        if (db.Database.CurrentTransaction is not null)
        {
            // The caller's transaction (the goals reminder's claims): it commits or rolls back the lot.
            await FoldAsync(kind, actorId, recipients, subjectId, groupKey);
            return recipients;
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync();
                await FoldAsync(kind, actorId, recipients, subjectId, groupKey);
                await transaction.CommitAsync();
                return recipients;
            }
            catch (DbException failure) when (failure.SqlState == DeadlockDetected && attempt < MaxAttempts)
            {
                // Another fold into the same rows won: the upserts are idempotent, so running them again is safe.
                LogDeadlock(logger, kind.Name, attempt);
            }
        }
    }

    /// <summary>
    /// What events fold into one row: the kind and its subject ("reaction:post:42"), or the kind and a narrower group a
    /// kind asks for ("reply:comment:7").
    /// </summary>
    public static string GroupKey(NotificationKind kind, long subjectId, string? group = null) =>
        $"{kind.Name}:{group ?? $"{kind.Subject.Name}:{subjectId}"}";

    private async Task FoldAsync(NotificationKind kind, long? actorId, IReadOnlyList<long> recipients, long? subjectId, string groupKey)
    {
        var now = time.UtcNow();
        var (ids, idsParameter) = provider.IdTable(recipients);
        var subject = subjectId is null ? "r.value" : "{4}";

        // Same text on SQLite (3.35+) and PostgreSQL. "WHERE TRUE" keeps SQLite from reading ON CONFLICT as a join.
#pragma warning disable EF1002 // Only the provider's id-table text and numbered placeholders are built into the SQL; every value is a parameter.
        await db.Database.ExecuteSqlRawAsync(
            $$"""
            INSERT INTO "Notifications" ("RecipientId", "Kind", "GroupKey", "SubjectKind", "SubjectId", "ActorCount", "IsRead", "CreatedAt", "UpdatedAt")
            SELECT r.value, {1}, {2}, {3}, {{subject}}, 0, FALSE, {5}, {5} FROM ({{ids}}) AS r WHERE TRUE ORDER BY r.value
            ON CONFLICT ("RecipientId", "GroupKey") DO UPDATE SET "IsRead" = FALSE, "UpdatedAt" = excluded."UpdatedAt"
            """,
            idsParameter, kind.Name, groupKey, kind.Subject.Name, subjectId ?? 0, now);
        if (actorId is { } actor)
        {
            await db.Database.ExecuteSqlRawAsync(
                $$"""
                INSERT INTO "NotificationActor" ("NotificationId", "PersonId", "ActedAt")
                SELECT n."Id", {2}, {3} FROM "Notifications" AS n WHERE n."GroupKey" = {1} AND n."RecipientId" IN ({{ids}})
                ORDER BY n."RecipientId"
                ON CONFLICT ("NotificationId", "PersonId") DO UPDATE SET "ActedAt" = excluded."ActedAt"
                """,
                idsParameter, groupKey, actor, now);
            await RecountAsync(groupKey, recipients);
        }
#pragma warning restore EF1002

        foreach (var outlet in outlets ?? [])
        {
            await outlet.RaisedAsync(kind, actorId, recipients);
        }
    }

    /// <summary>Active candidates, not the actor, who may read the subject and did not turn the kind off: one query.</summary>
    private async Task<List<long>> AudienceAsync(NotificationKind kind, long? actorId, IReadOnlyCollection<long> candidates, long? subjectId)
    {
        var ids = candidates.Where(id => id != actorId).Distinct().ToList();
        if (ids.Count == 0)
        {
            return ids;
        }

        var person = Expression.Parameter(typeof(Person), "p");
        var personId = Expression.Property(person, nameof(Person.Id));
        var subject = subjectId is { } s ? Lambda.Value(s) : personId;
        var readsIt = Expression.Lambda<Func<Person, bool>>(Lambda.Apply(kind.Subject.Reads(db), subject, personId), person);
        var name = kind.Name;
        var audience = db.People.Where(p => ids.Contains(p.Id) && p.IsActive).Where(readsIt);
        audience = kind.DefaultChannel == NotificationChannel.None
            ? audience.Where(p => db.NotificationPreferences.Any(c => c.PersonId == p.Id && c.Kind == name && c.Channel != NotificationChannel.None))
            : audience.Where(p => !db.NotificationPreferences.Any(c => c.PersonId == p.Id && c.Kind == name && c.Channel == NotificationChannel.None));
        return await audience.Select(p => p.Id).OrderBy(id => id).ToListAsync();
    }

    /// <summary>
    /// Sets each row's count from its actor rows, after they are written: requests folding into one row at the same time
    /// each read the same count before adding themselves, so a count kept by increments would lose some of them.
    /// </summary>
    private Task<int> RecountAsync(string groupKey, IReadOnlyList<long> recipients)
    {
        var actors = db.Set<NotificationActor>();
        return db.Notifications.Where(n => recipients.Contains(n.RecipientId) && n.GroupKey == groupKey)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ActorCount, n => actors.Count(a => a.NotificationId == n.Id)));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification of kind {Kind} was not recorded")]
    private static partial void LogFailure(ILogger logger, Exception failure, string kind);

    [LoggerMessage(Level = LogLevel.Information, Message = "Notification of kind {Kind} met a deadlock (attempt {Attempt}); running it again")]
    private static partial void LogDeadlock(ILogger logger, string kind, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Unread counts of {People} people were not pushed")]
    private static partial void LogPushFailure(ILogger logger, Exception failure, int people);
}
