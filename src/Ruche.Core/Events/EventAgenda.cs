using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.Spaces;

namespace Ruche.Core.Events;

/// <summary>
/// Upcoming events, for a space's page and for a person's own list: one SQL command finds the candidate events (by
/// their UTC bounds), then each series is expanded in memory to its occurrences in the window.
/// </summary>
public sealed class EventAgenda(RucheDbContext db, SpaceService spaces, TimeProvider time)
{
    public const int DefaultDays = 60;
    public const int MaxDays = 366;
    public const int MaxItems = 100;

    /// <summary>The upcoming occurrences of a space's events, for whoever may read the space.</summary>
    public async Task<IReadOnlyList<EventSummary>> ForSpaceAsync(Viewer viewer, long spaceId, int? days, CancellationToken cancellationToken)
    {
        var space = await spaces.GetReadableAsync(viewer, spaceId, "Only members see this space's events.", cancellationToken);

        return await ListAsync(viewer, db.Events.Where(e => e.SpaceId == spaceId), days, cancellationToken);
    }

    /// <summary>
    /// The viewer's own upcoming events: those they organise or did not decline, and those of the spaces they are in.
    /// </summary>
    public Task<IReadOnlyList<EventSummary>> MineAsync(Viewer viewer, int? days, CancellationToken cancellationToken)
    {
        var me = viewer.PersonId;
        return ListAsync(
            viewer,
            db.Events.Where(e => e.OrganizerId == me
                || e.Attendees.Any(a => a.PersonId == me && a.Response != RsvpResponse.No)
                || e.Space!.HasActiveMember(me)),
            days,
            cancellationToken);
    }

    /// <summary>
    /// What the context column lists: <see cref="MineAsync"/>'s events and those of company-wide spaces, the next
    /// <paramref name="count"/> occurrences within <paramref name="days"/> (one SQL command, the read rule in it).
    /// </summary>
    public async Task<IReadOnlyList<EventSummary>> MineOrPublicAsync(Viewer viewer, int days, int count, CancellationToken cancellationToken)
    {
        var me = viewer.PersonId;
        var events = await ListAsync(
            viewer,
            db.Events.Where(e => e.OrganizerId == me
                || e.Attendees.Any(a => a.PersonId == me && a.Response != RsvpResponse.No)
                || e.Space!.HasActiveMember(me)
                || e.Space!.IsCompanyWide()),
            days,
            cancellationToken);
        return events.Where(e => !e.Cancelled && e.MyResponse != RsvpResponse.No).Take(count).ToList();
    }

    private async Task<IReadOnlyList<EventSummary>> ListAsync(Viewer viewer, IQueryable<SpaceEvent> events, int? days, CancellationToken cancellationToken)
    {
        var span = days ?? DefaultDays;
        if (span is < 1 or > MaxDays)
        {
            throw RucheException.Invalid("event.days-invalid", $"Upcoming events are listed for 1 to {MaxDays} days.");
        }

        var now = time.UtcNow();
        var to = now.AddDays(span);
        var me = viewer.PersonId;
        var rows = await events.VisibleTo(me)
            .Where(e => e.StartsAt < to && (e.SeriesEndsAt == null || e.SeriesEndsAt > now))
            .OrderBy(e => e.StartsAt).Take(MaxItems * 5)
            .Select(e => new
            {
                Event = e,
                Space = new SpaceRef(e.Space!.Id, e.Space.Name, e.Space.Visibility),
                Mine = e.Attendees.Where(a => a.PersonId == me).Select(a => (RsvpResponse?)a.Response).FirstOrDefault(),
                Going = e.Attendees.Count(a => a.Response == RsvpResponse.Yes),
            })
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        return rows
            .SelectMany(r => EventSchedule.Of(r.Event).Between(now, to).Take(MaxItems).Select(o => new EventSummary(
                r.Event.Id, r.Event.Title, r.Space, r.Event.TimeZone, o.StartsAt, o.EndsAt, r.Event.Repeat, r.Event.RepeatWeek,
                r.Event.CancelledAt is not null, r.Mine, r.Going)))
            .OrderBy(s => s.StartsAt).ThenBy(s => s.Id)
            .Take(MaxItems)
            .ToList();
    }
}
