using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Ruche.Core.Common;
using Ruche.Core.Content;
using Ruche.Core.Data;
using Ruche.Core.Notifications;
using Ruche.Core.People;
using Ruche.Core.Spaces;

namespace Ruche.Core.Events;

/// <summary>Creating, reading, editing and cancelling events, inviting people and answering.</summary>
public sealed class EventService(
    RucheDbContext db,
    ContentRenderer renderer,
    SpaceService spaces,
    EventSettings settings,
    Audit.AuditLog audit,
    Notifier notifier,
    TimeProvider time)
{
    private const int OccurrencesShown = 5;

    public async Task<EventView> GetAsync(Viewer viewer, long eventId, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var me = viewer.PersonId;
        var row = await db.Events.VisibleTo(me).Where(e => e.Id == eventId)
            .Select(e => new
            {
                Event = e,
                Space = new SpaceRef(e.Space!.Id, e.Space.Name, e.Space.Visibility),
                Organizer = PersonRefs.Of(e.Organizer!, now),
                Moderates = e.Space.IsModeratedBy(me),
                ListsAttendees = e.Space.ListsMembersTo(me),
            })
            .AsNoTracking()
            .SingleOrDefaultAsync(cancellationToken) ?? throw NotFound();
        // In a union space, who attends is the delegates' to know: anyone else sees their own answer only.
        var listsAttendees = row.ListsAttendees;
        var attendees = await db.EventAttendees.Where(a => a.EventId == eventId && (listsAttendees || a.PersonId == me))
            .OrderBy(a => a.Response).ThenBy(a => a.Person!.DisplayName)
            .Select(a => new EventAttendeeView(
                PersonRefs.Of(a.Person!, now),
                a.Response,
                a.Invited))
            .ToListAsync(cancellationToken);

        var e = row.Event;
        var schedule = EventSchedule.Of(e);
        var first = schedule.Date + schedule.Time;
        var localEnd = Instant.FromDateTimeUtc(e.EndsAt).InZone(schedule.Zone).LocalDateTime;
        return new EventView(
            e.Id,
            e.Title,
            e.Description,
            e.DescriptionHtml,
            row.Space,
            row.Organizer,
            e.TimeZone,
            EventInputs.Format(first),
            EventInputs.Format(localEnd),
            e.StartsAt,
            e.EndsAt,
            e.Repeat,
            e.RepeatWeek,
            e.RepeatUntil is { } until ? EventInputs.Format(LocalDate.FromDateOnly(until)) : null,
            schedule.Between(now, DateTime.MaxValue).Take(OccurrencesShown).ToList(),
            settings.VideoLink(e.Room),
            e.CancelledAt,
            attendees.FirstOrDefault(a => a.Person.Id == me)?.Response,
            attendees,
            EventRights.Of(e.OrganizerId == me, row.Moderates, e.CancelledAt is not null));
    }

    /// <summary>The spaces the viewer may create events in (<see cref="EventRights.MayCreateIn"/>), as the space list orders them.</summary>
    public async Task<IReadOnlyList<SpaceSummary>> SpacesToCreateInAsync(Viewer viewer, CancellationToken cancellationToken) =>
        (await spaces.ListAsync(viewer, cancellationToken)).Where(EventRights.MayCreateIn).ToList();

    /// <summary>Creates an event in a space the viewer may post in; they attend it, and the invited are told.</summary>
    public async Task<EventView> CreateAsync(Viewer viewer, long spaceId, EventInput input, IReadOnlyCollection<long>? inviteeIds, CancellationToken cancellationToken)
    {
        var space = await spaces.GetAsync(viewer, spaceId, cancellationToken);
        if (!EventRights.MayCreateIn(space))
        {
            throw RucheException.Forbidden(
                space.IsMember ? "space.announcers-only" : "space.members-only",
                space.IsMember ? "Only this space's owners and moderators post here." : "Join the space to create events in it.");
        }

        var input2 = EventInputs.Check(input);
        var invitees = await CheckInviteesAsync(space.Id, inviteeIds ?? [], cancellationToken);
        var content = await renderer.RenderAsync(input2.Description, cancellationToken);
        var now = time.UtcNow();
        var e = new SpaceEvent
        {
            SpaceId = space.Id,
            OrganizerId = viewer.PersonId,
            Title = input2.Title,
            Description = input2.Description,
            DescriptionHtml = content.Html,
            TimeZone = input2.Schedule.Zone.Id,
            Room = "ruche-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)),
            CreatedAt = now,
        };
        Apply(e, input2.Schedule);
        e.Attendees.Add(new EventAttendee { PersonId = viewer.PersonId, Response = RsvpResponse.Yes });
        e.Attendees.AddRange(invitees.Where(id => id != viewer.PersonId).Select(id => new EventAttendee { PersonId = id, Invited = true, Response = RsvpResponse.Pending }));
        db.Events.Add(e);
        await db.SaveChangesAsync(cancellationToken);
        await notifier.NotifyAsync(EventNotifications.Invitation, viewer.PersonId, invitees, e.Id);
        return await GetAsync(viewer, e.Id, cancellationToken);
    }

    /// <summary>Changes an event (organiser or space moderators); those who have not declined hear of it.</summary>
    public async Task<EventView> EditAsync(Viewer viewer, long eventId, EventInput input, CancellationToken cancellationToken)
    {
        var e = await RequireEditableAsync(viewer, eventId, cancellationToken);
        var input2 = EventInputs.Check(input);
        var content = await renderer.RenderAsync(input2.Description, cancellationToken);
        e.Title = input2.Title;
        e.Description = input2.Description;
        e.DescriptionHtml = content.Html;
        e.TimeZone = input2.Schedule.Zone.Id;
        Apply(e, input2.Schedule);
        if (db.ChangeTracker.HasChanges())
        {
            e.EditedAt = time.UtcNow();
            e.Sequence++;
            await db.SaveChangesAsync(cancellationToken);
            await notifier.NotifyAsync(EventNotifications.Changed, viewer.PersonId, await AudienceAsync(eventId, cancellationToken), eventId);
        }

        return await GetAsync(viewer, eventId, cancellationToken);
    }

    /// <summary>Cancels an event: it stays readable, marked cancelled, and calendars drop it.</summary>
    public async Task CancelAsync(Viewer viewer, long eventId, CancellationToken cancellationToken)
    {
        var e = await RequireEditableAsync(viewer, eventId, cancellationToken);
        var now = time.UtcNow();
        e.CancelledAt = now;
        e.EditedAt = now;
        e.Sequence++;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        if (e.OrganizerId != viewer.PersonId)
        {
            await audit.RecordAsync(viewer.PersonId, "moderation.event-cancelled", $"event:{eventId}", new { organizer = e.OrganizerId, space = e.SpaceId }, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        await notifier.NotifyAsync(EventNotifications.Cancelled, viewer.PersonId, await AudienceAsync(eventId, cancellationToken), eventId);
    }

    /// <summary>Invites more people (organiser or space moderators); those already there are left as they are.</summary>
    public async Task<EventView> InviteAsync(Viewer viewer, long eventId, IReadOnlyCollection<long> personIds, CancellationToken cancellationToken)
    {
        var e = await RequireEditableAsync(viewer, eventId, cancellationToken);
        var invitees = await CheckInviteesAsync(e.SpaceId, personIds, cancellationToken);
        var present = await db.EventAttendees.Where(a => a.EventId == eventId && invitees.Contains(a.PersonId)).Select(a => a.PersonId).ToListAsync(cancellationToken);
        var added = invitees.Except(present).ToList();
        db.EventAttendees.AddRange(added.Select(id => new EventAttendee { EventId = eventId, PersonId = id, Invited = true, Response = RsvpResponse.Pending }));
        await db.SaveChangesAsync(cancellationToken);
        await notifier.NotifyAsync(EventNotifications.Invitation, viewer.PersonId, added, eventId);
        return await GetAsync(viewer, eventId, cancellationToken);
    }

    /// <summary>Answers yes, no or maybe to an event the viewer sees; answering again replaces the answer.</summary>
    public async Task RespondAsync(Viewer viewer, long eventId, RsvpResponse response, CancellationToken cancellationToken)
    {
        if (response is not (RsvpResponse.Yes or RsvpResponse.No or RsvpResponse.Maybe))
        {
            throw RucheException.Invalid("event.response-invalid", "The answer is yes, no or maybe.");
        }

        var e = await db.Events.VisibleTo(viewer.PersonId).Where(x => x.Id == eventId)
            .Select(x => new { x.CancelledAt, Answered = x.Attendees.Any(a => a.PersonId == viewer.PersonId) })
            .SingleOrDefaultAsync(cancellationToken) ?? throw NotFound();
        if (e.CancelledAt is not null)
        {
            throw Cancelled();
        }

        if (e.Answered)
        {
            await db.EventAttendees.Where(a => a.EventId == eventId && a.PersonId == viewer.PersonId)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Response, response), cancellationToken);
        }
        else
        {
            db.EventAttendees.Add(new EventAttendee { EventId = eventId, PersonId = viewer.PersonId, Response = response });
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>Stores a schedule on an event, with the instants feeds and calendars query; public for tools that write events directly.</summary>
    public static void Apply(SpaceEvent e, EventSchedule schedule)
    {
        e.LocalDate = schedule.Date.ToDateOnly();
        e.LocalTime = schedule.Time.ToTimeOnly();
        e.DurationMinutes = (int)schedule.Length.TotalMinutes;
        e.Repeat = schedule.Repeat;
        e.RepeatWeek = schedule.RepeatWeek;
        e.RepeatUntil = schedule.Until?.ToDateOnly();
        var first = schedule.First;
        e.StartsAt = first.StartsAt;
        e.EndsAt = first.EndsAt;
        e.SeriesEndsAt = schedule.Last?.EndsAt;
    }

    private async Task<SpaceEvent> RequireEditableAsync(Viewer viewer, long eventId, CancellationToken cancellationToken)
    {
        var me = viewer.PersonId;
        var row = await db.Events.VisibleTo(me).Where(e => e.Id == eventId)
            .Select(e => new
            {
                Event = e,
                Moderates = e.Space!.IsModeratedBy(me),
            })
            .SingleOrDefaultAsync(cancellationToken) ?? throw NotFound();
        if (!EventRights.Of(row.Event.OrganizerId == me, row.Moderates, cancelled: false).Edit)
        {
            throw RucheException.Forbidden("event.organizer-only", "Only the organiser and the space's owners and moderators change an event.");
        }

        if (row.Event.CancelledAt is not null)
        {
            throw Cancelled();
        }

        return row.Event;
    }

    /// <summary>Active people who may see an event of this space; anyone else makes the whole request invalid.</summary>
    private async Task<List<long>> CheckInviteesAsync(long spaceId, IReadOnlyCollection<long> personIds, CancellationToken cancellationToken)
    {
        var ids = personIds.Distinct().ToList();
        if (ids.Count > Limits.EventInviteesMax)
        {
            throw RucheException.Invalid("event.too-many-invitees", $"Invite at most {Limits.EventInviteesMax} people at once.");
        }

        if (ids.Count == 0)
        {
            return ids;
        }

        var found = await db.People.Where(p => ids.Contains(p.Id) && p.IsActive && db.Spaces.Any(s => s.Id == spaceId && s.IsReadableBy(p.Id)))
            .Select(p => p.Id).ToListAsync(cancellationToken);
        if (found.Count != ids.Count)
        {
            throw RucheException.Invalid("event.invitee-invalid", "Invite only active people who can see the event: members of the space unless it is open.");
        }

        return found;
    }

    /// <summary>Who hears of a change: everyone on the event who has not declined (the read rule is checked again by the notifier).</summary>
    private Task<List<long>> AudienceAsync(long eventId, CancellationToken cancellationToken) =>
        db.EventAttendees.Where(a => a.EventId == eventId && a.Response != RsvpResponse.No).Select(a => a.PersonId).ToListAsync(cancellationToken);

    private static RucheException NotFound() => RucheException.NotFound("event.not-found", "No such event.");

    private static RucheException Cancelled() => RucheException.Conflict("event.cancelled", "The event is cancelled.");
}
