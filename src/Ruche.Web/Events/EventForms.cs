using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Ruche.Core.Common;
using Ruche.Core.Events;
using Ruche.Core.People;
using Ruche.Core.Profiles;
using Ruche.Web.Auth;
using Ruche.Web.Hosting;

namespace Ruche.Web.Events;

/// <summary>The HTML forms of events and calendar feeds; they call the same services as the API.</summary>
public static class EventForms
{
    public static IEndpointRouteBuilder MapEventForms(this IEndpointRouteBuilder app)
    {
        var ui = app.MapGroup("/ui/events").ExcludeFromDescription();
        ui.MapPost("/", CreateAsync);
        ui.MapPost("/{id:long}/edit", EditAsync);
        ui.MapPost("/{id:long}/cancel", (long id, [FromForm] ReturnForm form, ClaimsPrincipal user, EventService events, HttpContext http) =>
            FormResults.RunAsync(http, form.ReturnUrl, async () => { await events.CancelAsync(user.RequireViewer(), id, http.RequestAborted); return null; }));
        ui.MapPost("/{id:long}/rsvp", (long id, [FromForm] RsvpForm form, ClaimsPrincipal user, EventService events, HttpContext http) =>
            FormResults.RunAsync(http, form.ReturnUrl, async () => { await events.RespondAsync(user.RequireViewer(), id, form.Response, http.RequestAborted); return null; }));
        ui.MapPost("/{id:long}/invite", InviteAsync);

        var feed = app.MapGroup("/ui/calendar-feed").ExcludeFromDescription();
        feed.MapPost("/", (ClaimsPrincipal user, CalendarFeedService calendars, EventSettings settings, HttpContext http) =>
            FormResults.RenderAsync<CalendarFeedCreatedPage>("/settings", async () =>
                new { Url = CalendarEndpoints.FeedUrl(settings, await calendars.RegenerateAsync(user.RequireViewer(), http.RequestAborted)) }));
        feed.MapPost("/revoke", (ClaimsPrincipal user, CalendarFeedService calendars, HttpContext http) =>
            FormResults.RunAsync(http, "/settings?saved=calendar", async () => { await calendars.RevokeAsync(user.RequireViewer(), http.RequestAborted); return null; }));
        return app;
    }

    /// <summary>Creates an event; refused, the form comes back with what was typed and why.</summary>
    private static Task<IResult> CreateAsync([FromForm] EventForm form, ClaimsPrincipal user, EventService events, ProfileService people, HttpContext http) =>
        FormResults.RunOrRefillAsync<EventFormPage>(new { Typed = form }, async () =>
        {
            var invitees = await PeopleAsync(people, form.Invitees, http.RequestAborted);
            var created = await events.CreateAsync(user.RequireViewer(), form.SpaceId ?? 0, form.ToInput(), invitees, http.RequestAborted);
            return $"/events/{created.Id}";
        });

    private static Task<IResult> EditAsync(long id, [FromForm] EventForm form, ClaimsPrincipal user, EventService events, HttpContext http) =>
        FormResults.RunOrRefillAsync<EventFormPage>(new { Id = (long?)id, Typed = form }, async () =>
        {
            await events.EditAsync(user.RequireViewer(), id, form.ToInput(), http.RequestAborted);
            return $"/events/{id}";
        });

    private static Task<IResult> InviteAsync(long id, [FromForm] InviteForm form, ClaimsPrincipal user, EventService events, ProfileService people, HttpContext http) =>
        FormResults.RunAsync(http, form.ReturnUrl, async () =>
        {
            await events.InviteAsync(user.RequireViewer(), id, await PeopleAsync(people, form.Handles, http.RequestAborted), http.RequestAborted);
            return null;
        });

    /// <summary>
    /// People named by handle or by name, separated by commas ("@ana, Bruno Costa"; handles may also be separated by
    /// spaces, "@ana @bruno"): what the picker writes, and what someone without scripts types. A name that is nobody's,
    /// or two people's, refuses the whole form.
    /// </summary>
    private static async Task<List<long>> PeopleAsync(ProfileService people, string? invitees, CancellationToken cancellationToken)
    {
        var names = (invitees ?? string.Empty).Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .SelectMany(part => part.StartsWith('@') ? part.Split(' ', StringSplitOptions.RemoveEmptyEntries) : [part])
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (names.Count > Limits.EventInviteesMax)
        {
            throw RucheException.Invalid("event.too-many-invitees", $"Invite at most {Limits.EventInviteesMax} people at once.");
        }

        var byHandle = await people.IdsByHandleAsync(names, cancellationToken);
        var byName = await people.IdsByNameAsync(names.Where(n => !n.StartsWith('@')), cancellationToken);
        var ids = new List<long>();
        foreach (var name in names)
        {
            ids.Add(Core.Content.Mentions.NormalizeHandle(name) is { } key && byHandle.TryGetValue(key, out var id) ? id
                : !name.StartsWith('@') && byName.TryGetValue(name, out id) ? id
                : throw RucheException.Invalid("event.invitee-invalid", $"Nobody is called {name}."));
        }

        return ids;
    }
}

/// <summary>Fields of an HTML form; a field the browser leaves out binds as its default.</summary>
public sealed record EventForm
{
    public long? SpaceId { get; init; }

    public string? Title { get; init; }

    public string? Description { get; init; }

    public string? Start { get; init; }

    public string? End { get; init; }

    public string? TimeZone { get; init; }

    public EventRepeat Repeat { get; init; }

    public string? RepeatWeek { get; init; }

    public string? RepeatDay { get; init; }

    public string? RepeatUntil { get; init; }

    public string? Invitees { get; init; }

    public EventInput ToInput() => new(
        Title,
        Description,
        Start,
        End,
        TimeZone,
        Repeat,
        int.TryParse(RepeatWeek, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var week) ? week : null,
        RepeatUntil,
        Enum.TryParse<DayOfWeek>(RepeatDay, ignoreCase: true, out var day) ? day : null);
}

/// <summary>Fields of an HTML form.</summary>
public sealed record RsvpForm
{
    public RsvpResponse Response { get; init; }

    public string? ReturnUrl { get; init; }
}

/// <summary>Fields of an HTML form.</summary>
public sealed record InviteForm
{
    public string? Handles { get; init; }

    public string? ReturnUrl { get; init; }
}
