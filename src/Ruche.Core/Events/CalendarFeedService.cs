using Microsoft.EntityFrameworkCore;
using Ruche.Core.Access;
using Ruche.Core.Common;
using Ruche.Core.Data;

namespace Ruche.Core.Events;

/// <summary>
/// Calendars: an event's .ics for whoever sees it, and each person's private feed of the events they organise, attend
/// or are invited to (not those they declined), read with a secret address calendar clients can poll.
/// </summary>
public sealed class CalendarFeedService(RucheDbContext db, EventSettings settings, Audit.AuditLog audit, TimeProvider time)
{
    private const string SecretPrefix = "rcal_";
    private const int FeedMaxEvents = 500;

    /// <summary>How far back a feed keeps events that are over, so a calendar keeps recent history.</summary>
    private static readonly TimeSpan FeedHistory = TimeSpan.FromDays(90);

    public async Task<CalendarFeedView> GetAsync(Viewer viewer, CancellationToken cancellationToken) =>
        await db.CalendarFeeds.Where(f => f.PersonId == viewer.PersonId)
            .Select(f => new CalendarFeedView(true, f.Prefix, f.CreatedAt)).SingleOrDefaultAsync(cancellationToken)
        ?? new CalendarFeedView(false, null, null);

    /// <summary>A new secret address; the previous one stops working at once. The secret is returned only here.</summary>
    public async Task<string> RegenerateAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        var secret = Secrets.New(SecretPrefix);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.CalendarFeeds.Where(f => f.PersonId == viewer.PersonId).ExecuteDeleteAsync(cancellationToken);
        db.CalendarFeeds.Add(new CalendarFeed { PersonId = viewer.PersonId, TokenHash = Secrets.Hash(secret), Prefix = secret[..10], CreatedAt = time.UtcNow() });
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(viewer.PersonId, "calendar-feed.created", $"person:{viewer.PersonId}", null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return secret;
    }

    public async Task RevokeAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        if (await db.CalendarFeeds.Where(f => f.PersonId == viewer.PersonId).ExecuteDeleteAsync(cancellationToken) > 0)
        {
            await audit.RecordAsync(viewer.PersonId, "calendar-feed.revoked", $"person:{viewer.PersonId}", null, cancellationToken);
        }
    }

    /// <summary>The feed a secret opens, or "not found" for an unknown, revoked or replaced secret, or an inactive person.</summary>
    public async Task<string> FeedAsync(string? secret, CancellationToken cancellationToken)
    {
        if (secret is null || !secret.StartsWith(SecretPrefix, StringComparison.Ordinal) || secret.Length > 128)
        {
            throw NotFound();
        }

        var hash = Secrets.Hash(secret);
        var person = await db.CalendarFeeds.Where(f => f.TokenHash == hash)
            .Join(db.People.Where(p => p.IsActive), f => f.PersonId, p => p.Id, (f, p) => new { p.Id, p.DisplayName })
            .SingleOrDefaultAsync(cancellationToken) ?? throw NotFound();
        var me = person.Id;
        var since = time.UtcNow() - FeedHistory;
        var events = await db.Events.VisibleTo(me)
            .Where(e => e.OrganizerId == me || e.Attendees.Any(a => a.PersonId == me && a.Response != RsvpResponse.No))
            .Where(e => e.SeriesEndsAt == null || e.SeriesEndsAt > since)
            .OrderByDescending(e => e.StartsAt).Take(FeedMaxEvents) // at the cap, the latest and upcoming events stay
            .Select(e => new { Event = e, Organizer = e.Organizer!.DisplayName })
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        return Write("Ruche · " + person.DisplayName, events.Select(e => Entry(e.Event, e.Organizer)).ToList());
    }

    /// <summary>One event as an .ics file, for whoever may see it.</summary>
    public async Task<(string FileName, string Content)> EventFileAsync(Viewer viewer, long eventId, CancellationToken cancellationToken)
    {
        var row = await db.Events.VisibleTo(viewer.PersonId).Where(e => e.Id == eventId)
            .Select(e => new { Event = e, Organizer = e.Organizer!.DisplayName })
            .AsNoTracking()
            .SingleOrDefaultAsync(cancellationToken) ?? throw RucheException.NotFound("event.not-found", "No such event.");
        return ($"event-{eventId}.ics", Write(row.Event.Title, [Entry(row.Event, row.Organizer)]));
    }

    private ICalendarWriter.Entry Entry(SpaceEvent e, string organizer) =>
        new(e, organizer, settings.PageUrl(e.Id), settings.VideoLink(e.Room));

    private string Write(string name, IReadOnlyList<ICalendarWriter.Entry> entries) =>
        ICalendarWriter.Write(name, entries, time.UtcNow(), settings.PublicUrl.Host);

    private static RucheException NotFound() => RucheException.NotFound("calendar-feed.not-found", "No such calendar feed.");
}

/// <summary>Whether the person has a feed address, and how it starts (the secret itself is never shown again).</summary>
public sealed record CalendarFeedView(bool Active, string? Prefix, DateTime? CreatedAt);
