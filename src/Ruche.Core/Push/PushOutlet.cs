using Microsoft.EntityFrameworkCore;
using Ruche.Core.Data;
using Ruche.Core.Notifications;

namespace Ruche.Core.Push;

/// <summary>
/// Queues one push per recipient who has a device, in the notifier's transaction: the notifier already dropped whoever
/// turned the kind off or may not read the subject, so a push follows the person's preferences by construction. One
/// SQL command whatever the audience; nothing is queued while push is not configured.
/// </summary>
public sealed class PushOutlet(RucheDbContext db, IDatabaseProvider provider, IPushSender sender, TimeProvider time) : INotificationOutlet
{
    public async Task RaisedAsync(NotificationKind kind, long? actorId, IReadOnlyList<long> recipients)
    {
        if (!sender.IsEnabled || recipients.Count == 0)
        {
            return;
        }

        var (ids, idsParameter) = provider.IdTable(recipients);

        // A kind that hides who acted (a moderator's decision) never carries the actor, not even to the worker.
        var actor = kind.ShowsActors ? actorId : null;
        var sql = $$"""
            INSERT INTO "PushMessages" ("PersonId", "Kind", "ActorId", "CreatedAt", "DueAt", "Attempts")
            SELECT r.value, {1}, {{(actor is null ? "CAST(NULL AS BIGINT)" : "{3}")}}, {2}, {2}, 0 FROM ({{ids}}) AS r
            WHERE EXISTS (SELECT 1 FROM "PushSubscriptions" AS s WHERE s."PersonId" = r.value)
            """;
        object[] parameters = actor is { } id ? [idsParameter, kind.Name, time.UtcNow(), id] : [idsParameter, kind.Name, time.UtcNow()];
#pragma warning disable EF1002 // Only the provider's id-table text and numbered placeholders are built into the SQL; every value is a parameter.
        await db.Database.ExecuteSqlRawAsync(sql, parameters);
#pragma warning restore EF1002
    }
}
