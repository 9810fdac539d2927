using Microsoft.EntityFrameworkCore;
using Ruche.Core.Data;

namespace Ruche.Core.Notifications;

/// <summary>
/// Sends each due person one mail listing their unread notifications of the kinds they chose for the digest, since
/// the last digest, read through the same rule as the centre. Nothing goes out during their quiet hours: the next run
/// after them sends it.
/// </summary>
public sealed class DigestService(RucheDbContext db, IMailSender mail, IDigestWriter writer, TimeProvider time)
{
    private const int ItemsPerDigest = 50;

    /// <summary>Sends every digest that is due now; returns how many mails went out.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var subscribers = await db.NotificationPreferences.Where(p => p.Channel == NotificationChannel.EmailDigest)
            .Select(p => p.PersonId).Distinct().ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var personId in subscribers)
        {
            if (await SendIfDueAsync(personId, now, cancellationToken))
            {
                sent++;
            }
        }

        return sent;
    }

    private async Task<bool> SendIfDueAsync(long personId, DateTime now, CancellationToken cancellationToken)
    {
        var person = await db.People.Where(p => p.Id == personId && p.IsActive)
            .Select(p => new { p.Id, p.Email, p.DisplayName, p.TimeZone, p.Language }).SingleOrDefaultAsync(cancellationToken);
        var schedule = await db.DigestSchedules.SingleOrDefaultAsync(d => d.PersonId == personId, cancellationToken);
        if (person?.Email is null || !IsDue(schedule, now))
        {
            return false;
        }

        var quiet = await db.QuietHours.SingleOrDefaultAsync(q => q.PersonId == personId, cancellationToken);
        if (NotificationQueries.IsQuiet(quiet, person.TimeZone, time.GetUtcNow()))
        {
            return false;
        }

        var kinds = db.NotificationPreferences.Where(p => p.PersonId == personId && p.Channel == NotificationChannel.EmailDigest).Select(p => p.Kind);
        var since = schedule?.LastSentAt ?? DateTime.MinValue;
        var items = await db.Notifications.VisibleTo(db, personId)
            .Where(n => !n.IsRead && n.UpdatedAt > since && kinds.Contains(n.Kind))
            .OrderByDescending(n => n.UpdatedAt).ThenByDescending(n => n.Id).Take(ItemsPerDigest)
            .Select(n => new DigestItem(
                n.Kind,
                n.PostId,
                n.SpaceId,
                n.SpaceId == null ? null : db.Spaces.Where(s => s.Id == n.SpaceId).Select(s => s.Name).FirstOrDefault(),
                n.ActorCount,
                n.Actors.OrderByDescending(a => a.ActedAt).Select(a => a.Person!.DisplayName).FirstOrDefault() ?? "?",
                n.EventId,
                n.EventId == null ? null : db.Events.Where(e => e.Id == n.EventId).Select(e => e.Title).FirstOrDefault()))
            .ToListAsync(cancellationToken);
        if (items.Count == 0)
        {
            return false;
        }

        await mail.SendAsync(writer.Write(person.Email, person.DisplayName, person.Language, items), cancellationToken);
        schedule ??= db.DigestSchedules.Add(new DigestSchedule { PersonId = personId }).Entity;
        schedule.LastSentAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private static bool IsDue(DigestSchedule? schedule, DateTime now) =>
        schedule?.LastSentAt is not { } last
        || now - last >= (schedule.Frequency == DigestFrequency.Weekly ? TimeSpan.FromDays(7) : TimeSpan.FromDays(1));
}

/// <summary>One line of a digest: the latest actor's name stands for the group, as in the centre.</summary>
public sealed record DigestItem(string Kind, long? PostId, long? SpaceId, string? SpaceName, int ActorCount, string LatestActor, long? EventId = null, string? EventTitle = null);

/// <summary>Turns digest lines into a mail in the person's language (the host holds the texts).</summary>
public interface IDigestWriter
{
    OutgoingMail Write(string email, string name, string language, IReadOnlyList<DigestItem> items);
}
