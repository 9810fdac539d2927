using System.Globalization;
using System.Text;
using NodaTime;
using NodaTime.Text;

namespace Ruche.Core.Events;

/// <summary>
/// Writes events as iCalendar (RFC 5545): local start and end with a TZID and its VTIMEZONE (built from the same
/// time-zone database the occurrences are computed with), an RRULE for a series, STATUS:CANCELLED for a cancelled
/// event, SEQUENCE bumped by every change, TEXT values escaped and lines folded at 75 octets with CRLF endings.
/// </summary>
public static class ICalendarWriter
{
    private static readonly LocalDateTimePattern Local = LocalDateTimePattern.CreateWithInvariantCulture("uuuuMMdd'T'HHmmss");
    private static readonly InstantPattern Utc = InstantPattern.CreateWithInvariantCulture("uuuuMMdd'T'HHmmss'Z'");

    /// <summary>One event to write and where it lives.</summary>
    public sealed record Entry(SpaceEvent Event, string OrganizerName, string PageUrl, string VideoLink);

    public static string Write(string calendarName, IReadOnlyList<Entry> entries, DateTime now, string uidDomain)
    {
        var lines = new List<string>
        {
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Ruche//Events//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:" + EscapeText(calendarName),
        };
        var stamp = Utc.Format(Instant.FromDateTimeUtc(now));
        foreach (var zone in entries.GroupBy(e => e.Event.TimeZone, StringComparer.Ordinal))
        {
            var schedules = zone.Select(e => EventSchedule.Of(e.Event)).ToList();
            var firstYear = schedules.Min(s => s.Date.Year);
            var lastYear = Math.Max(
                Instant.FromDateTimeUtc(now).InUtc().Year,
                schedules.Max(s => s.Until?.Year ?? s.Date.Year));
            lines.AddRange(VTimeZone.Lines(schedules[0].Zone, firstYear - 1, lastYear + 1, schedules.Any(s => s.Repeat != EventRepeat.None && s.Until is null)));
        }

        foreach (var entry in entries)
        {
            lines.AddRange(EventLines(entry, stamp, uidDomain));
        }

        lines.Add("END:VCALENDAR");
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            Fold(text, line);
        }

        return text.ToString();
    }

    private static IEnumerable<string> EventLines(Entry entry, string stamp, string uidDomain)
    {
        var e = entry.Event;
        var schedule = EventSchedule.Of(e);
        var start = schedule.Date + schedule.Time;
        var end = (start.InZoneLeniently(schedule.Zone).ToInstant() + schedule.Length).InZone(schedule.Zone).LocalDateTime;
        var tz = ";TZID=" + ParamValue(e.TimeZone);
        yield return "BEGIN:VEVENT";
        yield return string.Create(CultureInfo.InvariantCulture, $"UID:event-{e.Id}@{uidDomain}");
        yield return "DTSTAMP:" + stamp;
        yield return "CREATED:" + Utc.Format(Instant.FromDateTimeUtc(e.CreatedAt));
        yield return "LAST-MODIFIED:" + Utc.Format(Instant.FromDateTimeUtc(e.EditedAt ?? e.CreatedAt));
        yield return string.Create(CultureInfo.InvariantCulture, $"SEQUENCE:{e.Sequence}");
        yield return "DTSTART" + tz + ":" + Local.Format(start);
        yield return "DTEND" + tz + ":" + Local.Format(end);
        if (RecurrenceRule(schedule) is { } rule)
        {
            yield return "RRULE:" + rule;
        }

        yield return "SUMMARY:" + EscapeText(e.Title);
        var description = Content.MarkdownContent.PlainText(e.Description);
        yield return "DESCRIPTION:" + EscapeText((description.Length > 0 ? description + "\n\n" : string.Empty) + entry.VideoLink + "\n" + entry.PageUrl);
        yield return "LOCATION:" + EscapeText(entry.VideoLink);
        yield return "URL:" + entry.PageUrl;
        yield return "ORGANIZER;CN=" + ParamValue(entry.OrganizerName) + ":" + entry.PageUrl;
        yield return "STATUS:" + (e.CancelledAt is null ? "CONFIRMED" : "CANCELLED");
        yield return "TRANSP:OPAQUE";
        yield return "END:VEVENT";
    }

    /// <summary>The RRULE of a series ("FREQ=MONTHLY;BYDAY=-1FR"), or null for a single event. UNTIL is UTC, as RFC 5545 requires with a TZID.</summary>
    public static string? RecurrenceRule(EventSchedule schedule)
    {
        var day = Day(schedule.Weekday);
        var rule = schedule.Repeat switch
        {
            EventRepeat.Weekly => "FREQ=WEEKLY;BYDAY=" + day,
            EventRepeat.MonthlyByWeekday => string.Create(CultureInfo.InvariantCulture, $"FREQ=MONTHLY;BYDAY={schedule.RepeatWeek}{day}"),
            _ => null,
        };
        if (rule is not null && schedule.Until is { } until)
        {
            rule += ";UNTIL=" + Utc.Format((until + schedule.Time).InZoneLeniently(schedule.Zone).ToInstant());
        }

        return rule;
    }

    internal static string Day(IsoDayOfWeek day) => day switch
    {
        IsoDayOfWeek.Monday => "MO",
        IsoDayOfWeek.Tuesday => "TU",
        IsoDayOfWeek.Wednesday => "WE",
        IsoDayOfWeek.Thursday => "TH",
        IsoDayOfWeek.Friday => "FR",
        IsoDayOfWeek.Saturday => "SA",
        _ => "SU",
    };

    /// <summary>TEXT escaping (RFC 5545 3.3.11): backslash, semicolon, comma and new lines.</summary>
    public static string EscapeText(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace(";", "\\;", StringComparison.Ordinal)
            .Replace(",", "\\,", StringComparison.Ordinal)
            .Replace("\r\n", "\\n", StringComparison.Ordinal)
            .Replace("\r", "\\n", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>A parameter value (RFC 5545 3.2): quoted when it holds ":;,", double quotes dropped (they cannot be escaped).</summary>
    private static string ParamValue(string value)
    {
        var clean = new string(value.Where(c => c != '"' && !char.IsControl(c)).ToArray());
        return clean.IndexOfAny([':', ';', ',']) >= 0 ? "\"" + clean + "\"" : clean;
    }

    /// <summary>Appends a content line folded at 75 octets (never inside a UTF-8 sequence), each piece ending with CRLF.</summary>
    internal static void Fold(StringBuilder output, string line)
    {
        var octets = 0;
        var limit = 75;
        for (var i = 0; i < line.Length; i++)
        {
            var length = char.IsHighSurrogate(line[i]) && i + 1 < line.Length ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(line.AsSpan(i, length));
            if (octets + size > limit)
            {
                output.Append("\r\n ");
                octets = 0;
                limit = 74; // the leading space of a continuation line counts
            }

            output.Append(line, i, length);
            octets += size;
            i += length - 1;
        }

        output.Append("\r\n");
    }
}
