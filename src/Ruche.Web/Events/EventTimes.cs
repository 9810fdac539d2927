using System.Globalization;
using Microsoft.Extensions.Localization;
using Ruche.Core.People;
using Ruche.Web.Localization;

namespace Ruche.Web.Events;

/// <summary>
/// How event pages write when something happens: in the reader's language, in a given time zone, named the way people
/// say it: "mardi 8 décembre 2026, 14:00–15:00 (heure de Paris)", "Tuesday, December 8, 2026, 2:00 PM–3:00 PM (Paris time)".
/// </summary>
public static class EventTimes
{
    public static string Period(IStringLocalizer<Ui> texts, DateTime startUtc, DateTime endUtc, string timeZone)
    {
        var start = TimeZones.ToLocal(startUtc, timeZone);
        var end = TimeZones.ToLocal(endUtc, timeZone);
        var period = start.Date == end.Date
            ? texts["event.period.day", Day(start), Time(start), Time(end)]
            : texts["event.period.days", Day(start), Time(start), Day(end), Time(end)];
        return $"{period} ({ZoneName(texts, timeZone)})";
    }

    /// <summary>A local date as the reader's language writes it in full: "mardi 8 décembre 2026".</summary>
    public static string Day(DateTime local) => local.ToString("D", CultureInfo.CurrentCulture);

    /// <summary>A date written as yyyy-MM-dd (the last date of a series), in full; anything else as it is.</summary>
    public static string Day(string isoDate) =>
        DateOnly.TryParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? Day(date.ToDateTime(TimeOnly.MinValue))
            : isoDate;

    /// <summary>A zone as people name it, after its city: "heure de Paris", "New York time"; UTC and Etc/ zones by their id.</summary>
    public static string ZoneName(IStringLocalizer<Ui> texts, string timeZone)
    {
        var slash = timeZone.LastIndexOf('/');
        return slash < 0 || timeZone.StartsWith("Etc/", StringComparison.Ordinal)
            ? timeZone
            : texts["event.zone-time", timeZone[(slash + 1)..].Replace('_', ' ')];
    }

    /// <summary>Only web addresses become a link to join: anything else (a javascript: or data: URL) is not shown.</summary>
    public static bool IsWebLink(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private static string Time(DateTime local) => local.ToString("t", CultureInfo.CurrentCulture);
}
