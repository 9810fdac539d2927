using Microsoft.EntityFrameworkCore;
using Ruche.Core.Data;
using Ruche.Core.Subjects;

namespace Ruche.Core.Notifications;

/// <summary>
/// Sends each due person one mail listing their unread notifications of the kinds they chose for the digest, since
/// the last digest, read through the same rule as the centre. Nothing goes out during their quiet hours: the next run
/// after them sends it.
/// </summary>
public sealed class DigestService(RucheDbContext db, SubjectKinds subjects, NotificationKinds registered, IMailSender mail, IDigestWriter writer, TimeProvider time)
{
    private const int ItemsPerDigest = 50;

    /// <summary>Sends every digest that is due now; returns how many mails went out.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        // Whole milliseconds, which every provider stores exactly: the claim compares the stored value with this one.
        var clock = time.UtcNow();
        var now = clock.AddTicks(-(clock.Ticks % TimeSpan.TicksPerMillisecond));
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
        var schedule = await db.DigestSchedules.AsNoTracking().SingleOrDefaultAsync(d => d.PersonId == personId, cancellationToken);
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
        var rows = await db.Notifications.VisibleTo(db, subjects, personId)
            .Where(n => !n.IsRead && n.UpdatedAt > since && kinds.Contains(n.Kind))
            .OrderByDescending(n => n.UpdatedAt).ThenByDescending(n => n.Id).Take(ItemsPerDigest)
            .Select(n => new
            {
                n.Kind,
                n.SubjectKind,
                n.SubjectId,
                n.ActorCount,
                LatestActor = n.Actors.OrderByDescending(a => a.ActedAt).Select(a => a.Person!.DisplayName).FirstOrDefault() ?? "?",
            })
            .ToListAsync(cancellationToken);
        var links = await SubjectLinks.DescribeAsync(db, subjects, rows.Select(r => (r.SubjectKind, r.SubjectId)), cancellationToken);
        var items = rows.Select(r => new DigestItem(r.Kind, r.ActorCount, registered.ShowsActors(r.Kind) ? r.LatestActor : "", links.Of(r.SubjectKind, r.SubjectId))).ToList();
        if (items.Count == 0)
        {
            return false;
        }

        if (!await ClaimAsync(personId, schedule, now, cancellationToken))
        {
            return false;
        }

        try
        {
            await mail.SendAsync(writer.Write(person.Email, person.DisplayName, person.Language, items), cancellationToken);
        }
        catch
        {
            // Not sent: hand the period back so the next run (on any node) sends it.
            await db.DigestSchedules.Where(d => d.PersonId == personId && d.LastSentAt == now)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.LastSentAt, schedule?.LastSentAt), CancellationToken.None);
            throw;
        }

        return true;
    }

    /// <summary>
    /// Takes this period for this run, in the database, before sending: with several nodes running the same loop,
    /// exactly one moves <c>LastSentAt</c> from the value it read (a conditional UPDATE), or inserts the first
    /// schedule row (the key refuses a second); the others find nothing to do.
    /// </summary>
    private async Task<bool> ClaimAsync(long personId, DigestSchedule? schedule, DateTime now, CancellationToken cancellationToken)
    {
        if (schedule is not null)
        {
            var previous = schedule.LastSentAt;
            return await db.DigestSchedules.Where(d => d.PersonId == personId && d.LastSentAt == previous)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.LastSentAt, now), cancellationToken) == 1;
        }

        var created = db.DigestSchedules.Add(new DigestSchedule { PersonId = personId, LastSentAt = now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            created.State = EntityState.Detached;
            return false;
        }
    }

    private static bool IsDue(DigestSchedule? schedule, DateTime now) =>
        schedule?.LastSentAt is not { } last
        || now - last >= (schedule.Frequency == DigestFrequency.Weekly ? TimeSpan.FromDays(7) : TimeSpan.FromDays(1));
}

/// <summary>One line of a digest: the latest actor's name stands for the group, as in the centre.</summary>
public sealed record DigestItem(string Kind, int ActorCount, string LatestActor, SubjectLink Subject);

/// <summary>Turns digest lines into a mail in the person's language (the host holds the texts).</summary>
public interface IDigestWriter
{
    OutgoingMail Write(string email, string name, string language, IReadOnlyList<DigestItem> items);
}
