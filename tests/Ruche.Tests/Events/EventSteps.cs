using System.Net;
using System.Net.Http.Json;
using Ruche.Core.Events;
using Ruche.Core.Spaces;
using Ruche.Tests.Infrastructure;

namespace Ruche.Tests.Events;

/// <summary>What people do with events, through the API.</summary>
public static class EventSteps
{
    public static Task<HttpResponseMessage> SendEventAsync(
        this Actor actor,
        SpaceSummary space,
        string title,
        string start = "2027-03-01T09:00",
        string end = "2027-03-01T10:00",
        string timeZone = "Europe/Paris",
        EventRepeat repeat = EventRepeat.None,
        int? repeatWeek = null,
        IReadOnlyList<long>? invitees = null,
        string? description = null,
        DayOfWeek? repeatDay = null) =>
        actor.Http.PostAsJsonAsync(
            "/api/v1/events",
            new { spaceId = space.Id, title, description, start, end, timeZone, repeat, repeatWeek, repeatDay, inviteeIds = invitees },
            Actor.Json);

    public static async Task<EventView> CreateEventAsync(
        this Actor actor,
        SpaceSummary space,
        string title,
        string start = "2027-03-01T09:00",
        string end = "2027-03-01T10:00",
        string timeZone = "Europe/Paris",
        EventRepeat repeat = EventRepeat.None,
        int? repeatWeek = null,
        IReadOnlyList<long>? invitees = null,
        string? description = null,
        DayOfWeek? repeatDay = null) =>
        await Actor.ReadAsync<EventView>(
            await actor.SendEventAsync(space, title, start, end, timeZone, repeat, repeatWeek, invitees, description, repeatDay), HttpStatusCode.Created);

    public static Task<HttpResponseMessage> RespondAsync(this Actor actor, long eventId, string response) =>
        actor.Http.PutAsJsonAsync($"/api/v1/events/{eventId}/rsvp", new { response }, Actor.Json);

    public static Task<EventView> EventAsync(this Actor actor, long eventId) => actor.GetAsync<EventView>($"/api/v1/events/{eventId}");

    public static Task<IReadOnlyList<EventSummary>> SpaceEventsAsync(this Actor actor, SpaceSummary space) =>
        actor.GetAsync<IReadOnlyList<EventSummary>>($"/api/v1/spaces/{space.Id}/events?days=366");

    public static Task<IReadOnlyList<EventSummary>> MyEventsAsync(this Actor actor) =>
        actor.GetAsync<IReadOnlyList<EventSummary>>("/api/v1/events?days=366");

    /// <summary>A new private feed address, as a path the test client can fetch.</summary>
    public static async Task<string> NewCalendarFeedAsync(this Actor actor)
    {
        var address = await Actor.ReadAsync<Web.Events.CalendarFeedAddress>(await actor.Http.PostAsync("/api/v1/calendar-feed", null), HttpStatusCode.OK);
        return new Uri(address.Url).AbsolutePath;
    }
}
