using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Ruche.Tests.Events;

/// <summary>
/// A minimal reader of the VTIMEZONE observances Ruche writes (DTSTART, an optional yearly RRULE with BYMONTH and
/// BYDAY, TZOFFSETFROM, TZOFFSETTO), written from RFC 5545 for the tests: the instants where the offset changes.
/// </summary>
internal static class VTimeZoneReader
{
    private static readonly LocalDateTimePattern Local = LocalDateTimePattern.CreateWithInvariantCulture("uuuuMMdd'T'HHmmss");
    private static readonly OffsetPattern Offsets = OffsetPattern.CreateWithInvariantCulture("+HHmm");
    private static readonly string[] Days = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

    public static List<(Instant At, Offset Offset)> Transitions(string ics, int untilYear)
    {
        var result = new List<(Instant, Offset)>();
        var block = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in ics.Split("\r\n"))
        {
            if (line is "BEGIN:STANDARD" or "BEGIN:DAYLIGHT")
            {
                block.Clear();
            }
            else if (line is "END:STANDARD" or "END:DAYLIGHT")
            {
                result.AddRange(Expand(block, untilYear));
            }
            else if (line.IndexOf(':', StringComparison.Ordinal) is > 0 and var colon)
            {
                block[line[..colon]] = line[(colon + 1)..];
            }
        }

        return result.OrderBy(t => t.Item1).ToList();
    }

    private static IEnumerable<(Instant, Offset)> Expand(Dictionary<string, string> block, int untilYear)
    {
        var onset = Local.Parse(block["DTSTART"]).Value;
        var from = Offsets.Parse(block["TZOFFSETFROM"]).Value;
        var to = Offsets.Parse(block["TZOFFSETTO"]).Value;
        if (!block.TryGetValue("RRULE", out var rule))
        {
            yield return (onset.WithOffset(from).ToInstant(), to);
            yield break;
        }

        var parts = rule.Split(';').Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        Assert.Equal("YEARLY", parts["FREQ"]);
        var month = int.Parse(parts["BYMONTH"], CultureInfo.InvariantCulture);
        var byDay = parts["BYDAY"];
        var weekday = (IsoDayOfWeek)(Array.IndexOf(Days, byDay[^2..]) + 1);
        var week = int.Parse(byDay[..^2], CultureInfo.InvariantCulture);
        for (var year = onset.Year; year <= untilYear; year++)
        {
            var days = Enumerable.Range(1, CalendarSystem.Iso.GetDaysInMonth(year, month))
                .Select(d => new LocalDate(year, month, d)).Where(d => d.DayOfWeek == weekday).ToList();
            var date = week > 0 ? days[week - 1] : days[^1];
            yield return ((date + onset.TimeOfDay).WithOffset(from).ToInstant(), to);
        }
    }
}
