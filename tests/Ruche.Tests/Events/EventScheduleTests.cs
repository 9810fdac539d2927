using System.Globalization;
using NodaTime;
using Ruche.Core.Events;

namespace Ruche.Tests.Events;

/// <summary>
/// Occurrences of series across daylight-saving changes. Expected UTC instants were computed independently (Python's
/// zoneinfo) and written down here, so the test checks NodaTime's use, not NodaTime against itself.
/// </summary>
public sealed class EventScheduleTests
{
    [Fact]
    public void First_monday_at_nine_in_Paris_moves_in_UTC_across_the_March_and_October_changes()
    {
        var schedule = Monthly("Europe/Paris", new LocalDate(2027, 1, 4), 1);

        Assert.Equal(
            [
                "2027-01-04T08:00Z", "2027-02-01T08:00Z", "2027-03-01T08:00Z", "2027-04-05T07:00Z", "2027-05-03T07:00Z", "2027-06-07T07:00Z",
                "2027-07-05T07:00Z", "2027-08-02T07:00Z", "2027-09-06T07:00Z", "2027-10-04T07:00Z", "2027-11-01T08:00Z", "2027-12-06T08:00Z",
            ],
            Starts(schedule, 12));
    }

    [Fact]
    public void Last_friday_at_nine_in_Paris_falls_just_before_each_change()
    {
        // 26 March is two days before summer time, 29 October two days before winter time.
        var schedule = Monthly("Europe/Paris", new LocalDate(2027, 1, 29), -1);

        Assert.Equal(
            [
                "2027-01-29T08:00Z", "2027-02-26T08:00Z", "2027-03-26T08:00Z", "2027-04-30T07:00Z", "2027-05-28T07:00Z", "2027-06-25T07:00Z",
                "2027-07-30T07:00Z", "2027-08-27T07:00Z", "2027-09-24T07:00Z", "2027-10-29T07:00Z", "2027-11-26T08:00Z", "2027-12-31T08:00Z",
            ],
            Starts(schedule, 12));
    }

    [Fact]
    public void First_monday_at_nine_in_Montreal_follows_North_American_dates()
    {
        // Summer time there runs from 14 March to 7 November 2027: 1 November is still summer time.
        var schedule = Monthly("America/Montreal", new LocalDate(2027, 1, 4), 1);

        Assert.Equal(
            [
                "2027-01-04T14:00Z", "2027-02-01T14:00Z", "2027-03-01T14:00Z", "2027-04-05T13:00Z", "2027-05-03T13:00Z", "2027-06-07T13:00Z",
                "2027-07-05T13:00Z", "2027-08-02T13:00Z", "2027-09-06T13:00Z", "2027-10-04T13:00Z", "2027-11-01T13:00Z", "2027-12-06T14:00Z",
            ],
            Starts(schedule, 12));
    }

    [Fact]
    public void Every_occurrence_lasts_its_elapsed_length_even_on_a_change_night()
    {
        // A 3-hour weekly event from 01:00 on Sundays crosses the night clocks go forward (28 March 2027) and back (31 October).
        var schedule = new EventSchedule(Zone("Europe/Paris"), new LocalDate(2027, 3, 21), new LocalTime(1, 0), Duration.FromHours(3), EventRepeat.Weekly, null, new LocalDate(2027, 4, 4));

        var occurrences = schedule.Dates().Select(schedule.At).ToList();

        Assert.Equal(3, occurrences.Count);
        Assert.All(occurrences, o => Assert.Equal(TimeSpan.FromHours(3), o.EndsAt - o.StartsAt));
        Assert.Equal(["2027-03-21T00:00Z", "2027-03-28T00:00Z", "2027-04-03T23:00Z"], occurrences.Select(o => Format(o.StartsAt)));
    }

    [Fact]
    public void A_local_time_skipped_by_the_spring_change_moves_forward_by_the_gap()
    {
        var schedule = new EventSchedule(Zone("Europe/Paris"), new LocalDate(2027, 3, 28), new LocalTime(2, 30), Duration.FromHours(1), EventRepeat.None, null, null);

        // 02:30 does not exist that night in Paris; 03:30 CEST is 01:30 UTC.
        Assert.Equal("2027-03-28T01:30Z", Format(schedule.First.StartsAt));
    }

    [Theory]
    [InlineData(2027, 3, 1, IsoDayOfWeek.Monday, 1, "2027-03-01")]
    [InlineData(2027, 3, 1, IsoDayOfWeek.Friday, -1, "2027-03-26")]
    [InlineData(2027, 2, 1, IsoDayOfWeek.Sunday, -1, "2027-02-28")]
    [InlineData(2027, 5, 1, IsoDayOfWeek.Wednesday, 4, "2027-05-26")]
    [InlineData(2027, 12, 1, IsoDayOfWeek.Friday, -1, "2027-12-31")]
    public void The_nth_weekday_of_a_month(int year, int month, int day, IsoDayOfWeek weekday, int week, string expected) =>
        Assert.Equal(expected, EventSchedule.NthWeekday(new LocalDate(year, month, day), weekday, week).ToString("uuuu-MM-dd", CultureInfo.InvariantCulture));

    [Fact]
    public void A_monthly_series_starts_on_the_first_date_that_follows_its_rule()
    {
        // Asked for "last Friday" from Monday 10 May 2027: the first occurrence is 28 May.
        Assert.Equal(new LocalDate(2027, 5, 28), EventSchedule.FirstMonthlyOnOrAfter(new LocalDate(2027, 5, 10), IsoDayOfWeek.Friday, -1));

        // From 31 May, May's last Friday is past: June's (25 June).
        Assert.Equal(new LocalDate(2027, 6, 25), EventSchedule.FirstMonthlyOnOrAfter(new LocalDate(2027, 5, 31), IsoDayOfWeek.Friday, -1));
    }

    [Fact]
    public void A_series_stops_at_its_last_date_and_an_endless_one_is_only_read_as_far_as_asked()
    {
        var bounded = Monthly("Europe/Paris", new LocalDate(2027, 1, 4), 1) with { Until = new LocalDate(2027, 3, 31) };
        Assert.Equal(3, bounded.Dates().Count());
        Assert.Equal("2027-03-01T09:00Z", Format(bounded.Last!.EndsAt));

        var endless = Monthly("Europe/Paris", new LocalDate(2027, 1, 4), 1);
        Assert.Null(endless.Last);
        var from = new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        Assert.Equal(2, endless.Between(from, from.AddDays(60)).Count());
    }

    internal static EventSchedule Monthly(string zone, LocalDate first, int week) =>
        new(Zone(zone), first, new LocalTime(9, 0), Duration.FromHours(1), EventRepeat.MonthlyByWeekday, week, null);

    internal static DateTimeZone Zone(string id) => DateTimeZoneProviders.Tzdb[id];

    internal static string Format(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);

    private static List<string> Starts(EventSchedule schedule, int count) =>
        schedule.Dates().Take(count).Select(d => Format(schedule.At(d).StartsAt)).ToList();
}
