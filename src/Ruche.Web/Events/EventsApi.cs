using System.ComponentModel.DataAnnotations;
using Ruche.Core.Common;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Ruche.Core.Events;
using Ruche.Web.Auth;

namespace Ruche.Web.Events;

public static class EventsApi
{
    public static RouteGroupBuilder MapEventsApi(this RouteGroupBuilder api)
    {
        var events = api.MapGroup("/events").WithTags("Events");
        events.MapGet("/", MineAsync).WithName("ListMyEvents")
            .WithDescription("The caller's upcoming occurrences (next `days`, default 60): events they organise or did not decline, and those of their spaces.");
        events.MapPost("/", CreateAsync).WithName("CreateEvent")
            .WithDescription("start and end are local date-times (2027-03-01T09:00) in timeZone (IANA). repeat: none, weekly or monthlyByWeekday with repeatWeek 1-4 or -1 (last); repeatDay (monday…sunday, default the start's): the series begins on the first matching day from the start's date.");
        events.MapGet("/{id:long}", GetAsync).WithName("GetEvent");
        events.MapPut("/{id:long}", EditAsync).WithName("EditEvent");
        events.MapPost("/{id:long}/cancel", CancelAsync).WithName("CancelEvent");
        events.MapPost("/{id:long}/invitations", InviteAsync).WithName("InviteToEvent");
        events.MapPut("/{id:long}/rsvp", RespondAsync).WithName("RespondToEvent");
        events.MapGet("/{id:long}/ics", IcsAsync).WithName("DownloadEventIcs").Produces(StatusCodes.Status200OK, contentType: "text/calendar");
        api.MapGet("/spaces/{id:long}/events", SpaceEventsAsync).WithTags("Events").WithName("ListSpaceEvents");

        var feed = api.MapGroup("/calendar-feed").WithTags("Events");
        feed.MapGet("/", FeedAsync).WithName("GetCalendarFeed");
        feed.MapPost("/", RegenerateFeedAsync).WithName("RegenerateCalendarFeed")
            .WithDescription("A new private iCal feed address (the previous one stops working). The address is returned only here.");
        feed.MapDelete("/", RevokeFeedAsync).WithName("RevokeCalendarFeed");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<EventSummary>>> MineAsync(int? days, ClaimsPrincipal user, EventAgenda agenda, CancellationToken ct) =>
        TypedResults.Ok(await agenda.MineAsync(user.RequireViewer(), days, ct));

    private static async Task<Ok<IReadOnlyList<EventSummary>>> SpaceEventsAsync(long id, int? days, ClaimsPrincipal user, EventAgenda agenda, CancellationToken ct) =>
        TypedResults.Ok(await agenda.ForSpaceAsync(user.RequireViewer(), id, days, ct));

    private static async Task<Created<EventView>> CreateAsync(NewEventRequest request, ClaimsPrincipal user, EventService service, CancellationToken ct)
    {
        var created = await service.CreateAsync(user.RequireViewer(), request.SpaceId, request.ToInput(), request.InviteeIds, ct);
        return TypedResults.Created($"/api/v1/events/{created.Id}", created);
    }

    private static async Task<Ok<EventView>> GetAsync(long id, ClaimsPrincipal user, EventService service, CancellationToken ct) =>
        TypedResults.Ok(await service.GetAsync(user.RequireViewer(), id, ct));

    private static async Task<Ok<EventView>> EditAsync(long id, EventRequest request, ClaimsPrincipal user, EventService service, CancellationToken ct) =>
        TypedResults.Ok(await service.EditAsync(user.RequireViewer(), id, request.ToInput(), ct));

    private static async Task<NoContent> CancelAsync(long id, ClaimsPrincipal user, EventService service, CancellationToken ct)
    {
        await service.CancelAsync(user.RequireViewer(), id, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<EventView>> InviteAsync(long id, InviteRequest request, ClaimsPrincipal user, EventService service, CancellationToken ct) =>
        TypedResults.Ok(await service.InviteAsync(user.RequireViewer(), id, request.PersonIds ?? [], ct));

    private static async Task<NoContent> RespondAsync(long id, RsvpRequest request, ClaimsPrincipal user, EventService service, CancellationToken ct)
    {
        await service.RespondAsync(user.RequireViewer(), id, request.Response, ct);
        return TypedResults.NoContent();
    }

    private static async Task<FileContentHttpResult> IcsAsync(long id, ClaimsPrincipal user, CalendarFeedService calendars, CancellationToken ct)
    {
        var (name, content) = await calendars.EventFileAsync(user.RequireViewer(), id, ct);
        return CalendarEndpoints.Ics(content, name);
    }

    private static async Task<Ok<CalendarFeedView>> FeedAsync(ClaimsPrincipal user, CalendarFeedService calendars, CancellationToken ct) =>
        TypedResults.Ok(await calendars.GetAsync(user.RequireViewer(), ct));

    private static async Task<Ok<CalendarFeedAddress>> RegenerateFeedAsync(ClaimsPrincipal user, CalendarFeedService calendars, EventSettings settings, CancellationToken ct)
    {
        var secret = await calendars.RegenerateAsync(user.RequireViewer(), ct);
        return TypedResults.Ok(new CalendarFeedAddress(CalendarEndpoints.FeedUrl(settings, secret)));
    }

    private static async Task<NoContent> RevokeFeedAsync(ClaimsPrincipal user, CalendarFeedService calendars, CancellationToken ct)
    {
        await calendars.RevokeAsync(user.RequireViewer(), ct);
        return TypedResults.NoContent();
    }
}

public record EventRequest(
    [property: StringLength(Limits.EventTitleMaxLength, MinimumLength = 1)] string? Title,
    [property: MaxLength(Limits.EventDescriptionMaxLength)] string? Description,
    string? Start,
    string? End,
    string? TimeZone,
    EventRepeat Repeat = EventRepeat.None,
    int? RepeatWeek = null,
    string? RepeatUntil = null,
    DayOfWeek? RepeatDay = null)
{
    public EventInput ToInput() => new(Title, Description, Start, End, TimeZone, Repeat, RepeatWeek, RepeatUntil, RepeatDay);
}

public sealed record NewEventRequest(
    long SpaceId,
    string? Title,
    string? Description,
    string? Start,
    string? End,
    string? TimeZone,
    EventRepeat Repeat = EventRepeat.None,
    int? RepeatWeek = null,
    string? RepeatUntil = null,
    DayOfWeek? RepeatDay = null,
    [property: MaxLength(Limits.EventInviteesMax)] IReadOnlyList<long>? InviteeIds = null)
    : EventRequest(Title, Description, Start, End, TimeZone, Repeat, RepeatWeek, RepeatUntil, RepeatDay);

public sealed record InviteRequest([property: MaxLength(Limits.EventInviteesMax)] IReadOnlyList<long>? PersonIds);

public sealed record RsvpRequest(RsvpResponse Response);

/// <summary>The private feed address, shown once.</summary>
public sealed record CalendarFeedAddress(string Url);
