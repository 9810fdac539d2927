using Ruche.Core.Common;
using Ruche.Core.People;
using Ruche.Core.Spaces;

namespace Ruche.Core.Events;

/// <summary>
/// An event as written: <see cref="Start"/> and <see cref="End"/> are local date-times ("2027-03-01T09:00") in
/// <see cref="TimeZone"/>; <see cref="RepeatWeek"/> (1 to 4, or -1 for the last) picks which weekday of the month a
/// monthly event falls on, and <see cref="RepeatDay"/> the weekday of a series (the start's by default): the first
/// occurrence is the first matching day on or after the start's date. <see cref="RepeatUntil"/> is a local date ("2027-12-31").
/// </summary>
public sealed record EventInput(
    string? Title,
    string? Description,
    string? Start,
    string? End,
    string? TimeZone,
    EventRepeat Repeat = EventRepeat.None,
    int? RepeatWeek = null,
    string? RepeatUntil = null,
    DayOfWeek? RepeatDay = null);

/// <summary>An event as listed: the occurrence that is next (or under way) rather than the first of the series.</summary>
public sealed record EventSummary(
    long Id,
    string Title,
    SpaceRef Space,
    string TimeZone,
    DateTime StartsAt,
    DateTime EndsAt,
    EventRepeat Repeat,
    int? RepeatWeek,
    bool Cancelled,
    RsvpResponse? MyResponse,
    int GoingCount);

/// <summary>An event as its page shows it. <see cref="LocalStart"/> and <see cref="LocalEnd"/> are in <see cref="TimeZone"/>.</summary>
public sealed record EventView(
    long Id,
    string Title,
    string Description,
    string DescriptionHtml,
    SpaceRef Space,
    PersonRef Organizer,
    string TimeZone,
    string LocalStart,
    string LocalEnd,
    DateTime StartsAt,
    DateTime EndsAt,
    EventRepeat Repeat,
    int? RepeatWeek,
    string? RepeatUntil,
    IReadOnlyList<EventOccurrence> NextOccurrences,
    string VideoLink,
    DateTime? CancelledAt,
    RsvpResponse? MyResponse,
    IReadOnlyList<EventAttendeeView> Attendees,
    EventPermissions Can);

public sealed record EventAttendeeView(PersonRef Person, RsvpResponse Response, bool Invited);

/// <param name="Edit">Edit, cancel and invite: the organiser and the space's owners and moderators.</param>
/// <param name="Respond">Answer yes, no or maybe: whoever sees an event that is not cancelled.</param>
public sealed record EventPermissions(bool Edit, bool Respond);

/// <summary>
/// Where the video call of an event happens: <c>Ruche:Events:VideoLinkTemplate</c>, a URL with <c>{room}</c> replaced by
/// the event's own random room name.
/// </summary>
public sealed class EventSettings
{
    public const string DefaultVideoLinkTemplate = "https://meet.jit.si/{room}";

    public EventSettings(string? videoLinkTemplate, Uri publicUrl)
    {
        PublicUrl = publicUrl;
        var template = string.IsNullOrWhiteSpace(videoLinkTemplate) ? DefaultVideoLinkTemplate : videoLinkTemplate.Trim();
        if (!template.Contains("{room}", StringComparison.Ordinal)
            || !Uri.TryCreate(template.Replace("{room}", "room", StringComparison.Ordinal), UriKind.Absolute, out var uri)
            || uri.Scheme is not ("https" or "http"))
        {
            throw new InvalidOperationException("Ruche:Events:VideoLinkTemplate must be an http(s) URL containing {room}.");
        }

        VideoLinkTemplate = template;
    }

    public string VideoLinkTemplate { get; }

    /// <summary>Where Ruche is reached, for the links and UIDs written in calendars.</summary>
    public Uri PublicUrl { get; }

    public string PageUrl(long eventId) => new Uri(PublicUrl, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"events/{eventId}")).ToString();

    public string VideoLink(string room) => VideoLinkTemplate.Replace("{room}", Uri.EscapeDataString(room), StringComparison.Ordinal);
}
