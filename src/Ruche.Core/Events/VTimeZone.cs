using System.Globalization;
using NodaTime;
using NodaTime.Text;
using NodaTime.TimeZones;

namespace Ruche.Core.Events;

/// <summary>
/// A VTIMEZONE for an IANA zone, from NodaTime's database: every transition in the years events use, written out;
/// then, for a series without end, the zone's current yearly rule as RRULEs when it follows one (checked for ten
/// years ahead), or thirty more years of explicit transitions when it does not.
/// </summary>
internal static class VTimeZone
{
    private const int YearsChecked = 10;
    private const int YearsWrittenWithoutRule = 30;
    private static readonly LocalDateTimePattern Local = LocalDateTimePattern.CreateWithInvariantCulture("uuuuMMdd'T'HHmmss");
    private static readonly OffsetPattern OffsetFormat = OffsetPattern.CreateWithInvariantCulture("+HHmm");

    public static IEnumerable<string> Lines(DateTimeZone zone, int fromYear, int toYear, bool endless)
    {
        yield return "BEGIN:VTIMEZONE";
        yield return "TZID:" + zone.Id;
        var from = Start(fromYear);
        var to = Start(toYear + 1);
        var first = zone.GetZoneInterval(from);
        foreach (var line in Observance(first, first.WallOffset, from.WithOffset(first.WallOffset).LocalDateTime, null))
        {
            yield return line;
        }

        var transitions = zone.GetZoneIntervals(from, to).Where(i => i.HasStart && i.Start > from).ToList();
        var rules = endless ? YearlyRules(zone, toYear + 1) : null;
        if (endless && rules is null)
        {
            transitions = zone.GetZoneIntervals(from, Start(toYear + 1 + YearsWrittenWithoutRule)).Where(i => i.HasStart && i.Start > from).ToList();
        }

        var previous = first;
        foreach (var interval in transitions)
        {
            foreach (var line in Observance(interval, previous.WallOffset, Onset(interval, previous.WallOffset), null))
            {
                yield return line;
            }

            previous = interval;
        }

        foreach (var (interval, before, rule) in rules ?? [])
        {
            foreach (var line in Observance(interval, before, Onset(interval, before), rule))
            {
                yield return line;
            }
        }

        yield return "END:VTIMEZONE";
    }

    private static Instant Start(int year) => Instant.FromUtc(year, 1, 1, 0, 0);

    /// <summary>Local wall time the change happens at, read in the offset in force before it (RFC 5545 3.6.5).</summary>
    private static LocalDateTime Onset(ZoneInterval interval, Offset before) => interval.Start.WithOffset(before).LocalDateTime;

    private static IEnumerable<string> Observance(ZoneInterval interval, Offset from, LocalDateTime onset, string? rule)
    {
        var kind = interval.Savings == Offset.Zero ? "STANDARD" : "DAYLIGHT";
        yield return "BEGIN:" + kind;
        yield return "DTSTART:" + Local.Format(onset);
        if (rule is not null)
        {
            yield return "RRULE:" + rule;
        }

        yield return "TZOFFSETFROM:" + OffsetFormat.Format(from);
        yield return "TZOFFSETTO:" + OffsetFormat.Format(interval.WallOffset);
        if (!string.IsNullOrEmpty(interval.Name))
        {
            yield return "TZNAME:" + ICalendarWriter.EscapeText(interval.Name);
        }

        yield return "END:" + kind;
    }

    /// <summary>
    /// The zone's changes from <paramref name="year"/> on as yearly rules ("the last Sunday of March at 02:00"), or
    /// null when they do not follow such rules for the next years (or there are none: then no rule is needed, and
    /// an empty list is returned).
    /// </summary>
    private static List<(ZoneInterval Interval, Offset Before, string Rule)>? YearlyRules(DateTimeZone zone, int year)
    {
        var changes = Changes(zone, year);
        if (changes.Count == 0 && Enumerable.Range(year, YearsChecked).All(y => Changes(zone, y).Count == 0))
        {
            return [];
        }

        var rules = new List<(ZoneInterval, Offset, string)>();
        foreach (var (interval, before) in changes)
        {
            var onset = Onset(interval, before);
            var date = onset.Date;
            var week = date.Day + 7 > date.Calendar.GetDaysInMonth(date.Year, date.Month) ? -1 : ((date.Day - 1) / 7) + 1;
            for (var y = year + 1; y <= year + YearsChecked; y++)
            {
                var expected = EventSchedule.NthWeekday(new LocalDate(y, date.Month, 1), date.DayOfWeek, week) + onset.TimeOfDay;
                if (!Changes(zone, y).Any(c => Onset(c.Interval, c.Before) == expected && c.Interval.WallOffset == interval.WallOffset))
                {
                    return null;
                }
            }

            rules.Add((interval, before, string.Create(CultureInfo.InvariantCulture, $"FREQ=YEARLY;BYMONTH={date.Month};BYDAY={week}{ICalendarWriter.Day(date.DayOfWeek)}")));
        }

        return Changes(zone, year + 1).Count == changes.Count ? rules : null;
    }

    private static List<(ZoneInterval Interval, Offset Before)> Changes(DateTimeZone zone, int year)
    {
        var from = Start(year);
        var result = new List<(ZoneInterval, Offset)>();
        foreach (var interval in zone.GetZoneIntervals(from, Start(year + 1)).Where(i => i.HasStart && i.Start >= from))
        {
            result.Add((interval, zone.GetZoneInterval(interval.Start - Duration.Epsilon).WallOffset));
        }

        return result;
    }
}
