using System.Text;
using Ical.Net;
using NodaTime;
using Ruche.Core.Events;

namespace Ruche.Tests.Events;

/// <summary>
/// What Ruche writes is read back by an independent iCalendar library (Ical.Net): the instants a calendar client
/// computes from the TZID, VTIMEZONE and RRULE must be those Ruche shows.
/// </summary>
public sealed class ICalendarTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_client_computes_the_same_instants_for_a_monthly_Paris_series_across_both_changes()
    {
        var ics = Write(Event(1, "Europe/Paris", new LocalDate(2027, 1, 4), EventRepeat.MonthlyByWeekday, 1));

        Assert.Contains("RRULE:FREQ=MONTHLY;BYDAY=1MO", ics, StringComparison.Ordinal);
        Assert.Contains("DTSTART;TZID=Europe/Paris:20270104T090000", ics, StringComparison.Ordinal);
        Assert.Equal(
            [
                "2027-01-04T08:00Z", "2027-02-01T08:00Z", "2027-03-01T08:00Z", "2027-04-05T07:00Z", "2027-05-03T07:00Z", "2027-06-07T07:00Z",
                "2027-07-05T07:00Z", "2027-08-02T07:00Z", "2027-09-06T07:00Z", "2027-10-04T07:00Z", "2027-11-01T08:00Z", "2027-12-06T08:00Z",
            ],
            ClientStarts(ics, 12));

        // Years later, the zone's yearly rule in the VTIMEZONE still places the series right.
        Assert.Contains("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", ics, StringComparison.Ordinal);
        Assert.Contains("RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", ics, StringComparison.Ordinal);
        var later = ClientStarts(ics, 12 * 10);
        Assert.Contains("2036-04-07T07:00Z", later);
        Assert.Contains("2036-12-01T08:00Z", later);
    }

    [Fact]
    public void A_client_computes_the_same_instants_for_last_fridays_in_Paris_and_first_mondays_in_Montreal()
    {
        var ics = Write(
            Event(1, "Europe/Paris", new LocalDate(2027, 1, 29), EventRepeat.MonthlyByWeekday, -1),
            Event(2, "America/Montreal", new LocalDate(2027, 1, 4), EventRepeat.MonthlyByWeekday, 1));

        var calendar = Calendar.Load(ics)!;
        var paris = Starts(calendar.Events.Single(e => e.Uid!.StartsWith("event-1@", StringComparison.Ordinal)), 12);
        var montreal = Starts(calendar.Events.Single(e => e.Uid!.StartsWith("event-2@", StringComparison.Ordinal)), 12);

        Assert.Equal(["2027-03-26T08:00Z", "2027-04-30T07:00Z", "2027-10-29T07:00Z", "2027-11-26T08:00Z"], paris.Where((_, i) => i is 2 or 3 or 9 or 10));
        Assert.Equal(["2027-03-01T14:00Z", "2027-04-05T13:00Z", "2027-11-01T13:00Z", "2027-12-06T14:00Z"], montreal.Where((_, i) => i is 2 or 3 or 10 or 11));
    }

    [Fact]
    public void A_series_with_an_end_stops_there_for_the_client_too()
    {
        var e = Event(1, "Asia/Singapore", new LocalDate(2027, 1, 4), EventRepeat.Weekly, null);
        e.RepeatUntil = new DateOnly(2027, 1, 25);
        var ics = Write(e);

        Assert.Contains("RRULE:FREQ=WEEKLY;BYDAY=MO;UNTIL=20270125T010000Z", ics, StringComparison.Ordinal);
        Assert.Equal(["2027-01-04T01:00Z", "2027-01-11T01:00Z", "2027-01-18T01:00Z", "2027-01-25T01:00Z"], ClientStarts(ics, 10));
    }

    [Fact]
    public void Text_is_escaped_lines_are_folded_at_75_octets_and_end_with_crlf()
    {
        var e = Event(1, "Europe/Paris", new LocalDate(2027, 1, 4), EventRepeat.None, null);
        e.Title = "Réunion; budget, plan\\suite — " + new string('é', 80);
        e.Description = "Ligne un\nLigne deux";
        var ics = Write(e);

        var lines = ics.Split("\r\n");
        Assert.Equal(string.Empty, lines[^1]);
        Assert.All(lines, l => Assert.True(Encoding.UTF8.GetByteCount(l) <= 75, $"Line longer than 75 octets: {l}"));
        Assert.DoesNotContain('\n', ics.Replace("\r\n", string.Empty, StringComparison.Ordinal));
        var unfolded = ics.Replace("\r\n ", string.Empty, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:Réunion\\; budget\\, plan\\\\suite — " + new string('é', 80) + "\r\n", unfolded, StringComparison.Ordinal);
        Assert.Contains("DESCRIPTION:Ligne un\\nLigne deux", unfolded, StringComparison.Ordinal);

        var read = Calendar.Load(ics)!.Events.Single();
        Assert.Equal(e.Title, read.Summary);
    }

    [Fact]
    public void A_cancelled_event_says_so_with_a_higher_sequence()
    {
        var e = Event(1, "Europe/Paris", new LocalDate(2027, 1, 4), EventRepeat.None, null);
        e.CancelledAt = Now;
        e.Sequence = 2;
        var read = Calendar.Load(Write(e))!.Events.Single();

        Assert.Equal("CANCELLED", read.Status);
        Assert.Equal(2, read.Sequence);
    }

    /// <summary>
    /// Calendar clients that do not know a TZID read the VTIMEZONE instead (Ical.Net uses its own database, so it
    /// cannot check this): evaluated here by hand, its observances give the zone's offset at every instant of twenty
    /// years, for an endless series (yearly RRULEs) in zones north and south, without summer time, and irregular.
    /// </summary>
    [Theory]
    [InlineData("Europe/Paris")]
    [InlineData("America/Montreal")]
    [InlineData("Asia/Singapore")]
    [InlineData("Pacific/Kiritimati")]
    [InlineData("Pacific/Pago_Pago")]
    [InlineData("Australia/Sydney")]
    [InlineData("Africa/Casablanca")]
    public void The_written_VTIMEZONE_gives_the_zones_offset_for_twenty_years(string zoneId)
    {
        var ics = Write(Event(1, zoneId, new LocalDate(2027, 1, 4), EventRepeat.MonthlyByWeekday, 1));
        var transitions = VTimeZoneReader.Transitions(ics.Replace("\r\n ", string.Empty, StringComparison.Ordinal), 2046);
        var zone = DateTimeZoneProviders.Tzdb[zoneId];

        var wrong = new List<string>();
        for (var t = Instant.FromUtc(2026, 1, 1, 0, 0); t < Instant.FromUtc(2046, 1, 1, 0, 0); t += NodaTime.Duration.FromHours(3))
        {
            var written = transitions.LastOrDefault(x => x.At <= t).Offset;
            if (written != zone.GetUtcOffset(t))
            {
                wrong.Add($"{t}: {written} instead of {zone.GetUtcOffset(t)}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong.Take(5)));
    }

    internal static SpaceEvent Event(long id, string zone, LocalDate date, EventRepeat repeat, int? week)
    {
        var schedule = new EventSchedule(DateTimeZoneProviders.Tzdb[zone], date, new LocalTime(9, 0), NodaTime.Duration.FromHours(1), repeat, week, null);
        return new SpaceEvent
        {
            Id = id,
            Title = "Point d'équipe",
            Description = "Ordre du jour",
            DescriptionHtml = "<p>Ordre du jour</p>",
            TimeZone = zone,
            Room = "ruche-test",
            LocalDate = date.ToDateOnly(),
            LocalTime = new TimeOnly(9, 0),
            DurationMinutes = 60,
            Repeat = repeat,
            RepeatWeek = week,
            StartsAt = schedule.First.StartsAt,
            EndsAt = schedule.First.EndsAt,
            CreatedAt = Now,
        };
    }

    private static string Write(params SpaceEvent[] events) =>
        ICalendarWriter.Write("Test", events.Select(e => new ICalendarWriter.Entry(e, "Ana", $"https://ruche.test/events/{e.Id}", "https://meet.jit.si/ruche-test")).ToList(), Now, "ruche.test");

    private static List<string> ClientStarts(string ics, int count) => Starts(Calendar.Load(ics)!.Events.Single(), count);

    private static List<string> Starts(Ical.Net.CalendarComponents.CalendarEvent e, int count) =>
        e.GetOccurrences().Take(count).Select(o => EventScheduleTests.Format(o.Period.StartTime.AsUtc)).ToList();
}
