using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Ruche.Core.Data;
using Ruche.Core.Notifications;

namespace Ruche.Core.Push;

/// <summary>
/// Sends the queued pushes that are due, off the request path (the push worker runs it): each message is claimed in the
/// database before it is sent, so with several nodes it goes once; one whose person is in quiet hours waits, and goes
/// when they end, not before; a device the push service says is gone (404/410) is deleted; a transient failure is tried
/// again a bounded number of times.
/// </summary>
public sealed partial class PushDelivery(RucheDbContext db, IPushSender sender, ILogger<PushDelivery> logger)
{
    private const int Batch = 200;

    /// <summary>Sends what is due at <paramref name="now"/>; returns how many pushes reached a push service.</summary>
    public async Task<int> SendDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var at = now.UtcDateTime;
        var messages = db.Set<PushMessage>();
        await messages.Where(m => m.CreatedAt < at - PushRules.MaxAge).ExecuteDeleteAsync(cancellationToken);
        if (!sender.IsEnabled)
        {
            return 0;
        }

        var due = await messages.AsNoTracking().Where(m => m.DueAt <= at).OrderBy(m => m.DueAt).ThenBy(m => m.Id).Take(Batch)
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        var personIds = due.Select(m => m.PersonId).Distinct().ToList();
        var people = await db.People.Where(p => personIds.Contains(p.Id))
            .Select(p => new Recipient(
                p.Id, p.IsActive, p.Language, db.Set<PushSettings>().Where(s => s.PersonId == p.Id).Select(s => s.ShowPreviews).FirstOrDefault()))
            .ToDictionaryAsync(p => p.Id, cancellationToken);
        var quiet = await QuietHoursCheck.QuietNowAsync(db, personIds, now, cancellationToken);
        var actorIds = due.Where(m => m.ActorId is not null).Select(m => m.ActorId!.Value).Distinct().ToList();
        var actors = await db.People.Where(p => actorIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.DisplayName, cancellationToken);
        var devices = (await db.Set<PushSubscription>().AsNoTracking().Where(s => personIds.Contains(s.PersonId)).ToListAsync(cancellationToken))
            .ToLookup(s => s.PersonId);

        var sent = 0;
        foreach (var message in due)
        {
            if (!people.TryGetValue(message.PersonId, out var person) || !person.IsActive || !devices[message.PersonId].Any())
            {
                await messages.Where(m => m.Id == message.Id).ExecuteDeleteAsync(cancellationToken);
                continue;
            }

            if (quiet.Contains(message.PersonId))
            {
                // Held, and out of the due batch meanwhile: a night-time site's pushes never stall everyone else's.
                await messages.Where(m => m.Id == message.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.DueAt, at + PushRules.QuietRecheck), cancellationToken);
                continue;
            }

            if (!await ClaimAsync(message, at, cancellationToken))
            {
                continue;
            }

            var actor = person.ShowPreviews && message.ActorId is { } id ? actors.GetValueOrDefault(id) : null;
            var notice = new PushNotice(message.Kind, actor, person.ShowPreviews, person.Language);
            var retry = false;
            foreach (var device in devices[message.PersonId])
            {
                var outcome = await SendAsync(device, notice, cancellationToken);
                switch (outcome)
                {
                    case PushOutcome.Sent:
                        sent++;
                        break;
                    case PushOutcome.Gone:
                        await db.Set<PushSubscription>().Where(s => s.Id == device.Id).ExecuteDeleteAsync(cancellationToken);
                        break;
                    case PushOutcome.Retry:
                        retry = true;
                        break;
                }
            }

            // A retry goes to every device again: a duplicate on one beats a loss on another, and they are rare.
            if (!retry || message.Attempts + 1 >= PushRules.MaxAttempts)
            {
                await messages.Where(m => m.Id == message.Id).ExecuteDeleteAsync(cancellationToken);
            }
        }

        return sent;
    }

    /// <summary>Moves the message's due time forward (its next try, should this one fail); false when another node claimed it first.</summary>
    private async Task<bool> ClaimAsync(PushMessage message, DateTime at, CancellationToken cancellationToken)
    {
        var next = at + TimeSpan.FromMinutes(Math.Pow(2, message.Attempts + 1));
        return await db.Set<PushMessage>().Where(m => m.Id == message.Id && m.DueAt == message.DueAt && m.Attempts == message.Attempts)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.DueAt, next).SetProperty(m => m.Attempts, message.Attempts + 1), cancellationToken) == 1;
    }

    private async Task<PushOutcome> SendAsync(PushSubscription device, PushNotice notice, CancellationToken cancellationToken)
    {
        try
        {
            return await sender.SendAsync(device, notice, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // A push service that fails in any way is a transient failure of that device, never the others'.
        catch (Exception failure)
#pragma warning restore CA1031
        {
            LogSendFailure(logger, failure, device.Id);
            return PushOutcome.Retry;
        }
    }

    private sealed record Recipient(long Id, bool IsActive, string Language, bool ShowPreviews);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Push to device {DeviceId} failed; it is tried again later")]
    private static partial void LogSendFailure(ILogger logger, Exception failure, long deviceId);
}
