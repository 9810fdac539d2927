using NodaTime;
using Ruche.Core.Goals;
using Ruche.Core.WorkTime;

namespace Ruche.Tests.Goals;

/// <summary>The work calendar alone: holidays, working days, local dates and clock changes.</summary>
public sealed class WorkCalendarTests
{
    [Theory]
    [InlineData(2026, 7, 14)] // Fête nationale
    [InlineData(2026, 5, 1)] // Fête du travail
    [InlineData(2026, 12, 25)]
    [InlineData(2026, 4, 6)] // Easter Monday 2026
    [InlineData(2026, 11, 11)]
    public void French_public_holidays_come_from_the_library(int year, int month, int day) =>
        Assert.True(new Holidays([]).IsHoliday("FR", null, new LocalDate(year, month, day)));

    [Fact]
    public void An_ordinary_french_day_is_not_a_holiday() =>
        Assert.False(new Holidays([]).IsHoliday("FR", null, new LocalDate(2026, 7, 15)));

    [Fact]
    public void Quebec_has_its_fete_nationale_and_the_rest_of_canada_does_not()
    {
        var holidays = new Holidays([]);
        Assert.True(holidays.IsHoliday("CA", "QC", new LocalDate(2026, 6, 24)));
        Assert.False(holidays.IsHoliday("CA", "ON", new LocalDate(2026, 6, 24)));
        Assert.True(holidays.IsHoliday("CA", "QC", new LocalDate(2026, 7, 1))); // Canada Day
    }

    [Fact]
    public void Singapore_is_not_covered_by_the_library_so_only_the_company_list_counts()
    {
        Assert.False(Holidays.IsCovered("SG"));
        Assert.True(Holidays.IsCovered("fr"));
        var nationalDay = new LocalDate(2026, 8, 10); // 9 August 2026 is a Sunday: observed on Monday 10
        Assert.False(new Holidays([]).IsHoliday("SG", null, nationalDay));
        var withList = new Holidays([new CompanyHoliday { CountryCode = "SG", Date = new DateOnly(2026, 8, 10), Name = "National Day (observed)" }]);
        Assert.True(withList.IsHoliday("SG", null, nationalDay));
        Assert.False(withList.IsHoliday("FR", null, nationalDay));
    }

    [Fact]
    public void A_working_day_is_a_working_weekday_not_a_holiday_and_not_on_leave()
    {
        var profile = Profile("Europe/Paris", "FR", leave: [new DateInterval(new LocalDate(2026, 3, 4), new LocalDate(2026, 3, 5))]);
        var holidays = new Holidays([]);
        Assert.True(profile.IsWorkingDay(new LocalDate(2026, 3, 2), holidays)); // Monday
        Assert.False(profile.IsWorkingDay(new LocalDate(2026, 3, 7), holidays)); // Saturday
        Assert.False(profile.IsWorkingDay(new LocalDate(2026, 3, 4), holidays)); // leave
        Assert.False(profile.IsWorkingDay(new LocalDate(2026, 3, 5), holidays)); // leave, last day included
        Assert.True(profile.IsWorkingDay(new LocalDate(2026, 3, 6), holidays));
        Assert.False(profile.IsWorkingDay(new LocalDate(2026, 5, 1), holidays)); // a Friday, but 1 May
        var weekender = profile with { Days = WorkingDays.Saturday | WorkingDays.Sunday };
        Assert.True(weekender.IsWorkingDay(new LocalDate(2026, 3, 7), holidays));
        Assert.False(weekender.IsWorkingDay(new LocalDate(2026, 3, 2), holidays));
    }

    [Fact]
    public void The_local_date_follows_the_person_across_the_date_line()
    {
        var instant = new DateTime(2026, 3, 2, 11, 0, 0, DateTimeKind.Utc);
        Assert.Equal(new LocalDate(2026, 3, 3), Profile("Pacific/Kiritimati").LocalDate(instant)); // UTC+14: 01:00 the next day
        Assert.Equal(new LocalDate(2026, 3, 2), Profile("Pacific/Pago_Pago").LocalDate(instant)); // UTC-11: 00:00 the same day
        Assert.Equal(new LocalDate(2026, 3, 1), Profile("Pacific/Pago_Pago").LocalDate(instant.AddMinutes(-1)));
        Assert.Equal(new LocalDate(2026, 3, 2), Profile("Asia/Singapore").LocalDate(instant));
    }

    [Fact]
    public void Minutes_that_clock_changes_skip_or_repeat_map_to_one_instant()
    {
        var paris = Profile("Europe/Paris");

        // 29 March 2026: 02:00 becomes 03:00 in Paris; 02:30 does not exist and moves on by the gap.
        Assert.Equal(new DateTime(2026, 3, 29, 1, 30, 0, DateTimeKind.Utc), paris.At(new LocalDate(2026, 3, 29), (2 * 60) + 30));
        Assert.Equal(new DateTime(2026, 3, 29, 7, 0, 0, DateTimeKind.Utc), paris.StartOfDay(new LocalDate(2026, 3, 29)));

        // 25 October 2026: 03:00 goes back to 02:00; 02:30 happens twice and means the first.
        Assert.Equal(new DateTime(2026, 10, 25, 0, 30, 0, DateTimeKind.Utc), paris.At(new LocalDate(2026, 10, 25), (2 * 60) + 30));
        Assert.Equal(new DateTime(2026, 10, 25, 17, 0, 0, DateTimeKind.Utc), paris.EndOfDay(new LocalDate(2026, 10, 25)));

        var montreal = Profile("America/Montreal");
        Assert.Equal(new DateTime(2026, 3, 8, 13, 0, 0, DateTimeKind.Utc), montreal.StartOfDay(new LocalDate(2026, 3, 8)));
        Assert.Equal(new DateTime(2026, 3, 7, 14, 0, 0, DateTimeKind.Utc), montreal.StartOfDay(new LocalDate(2026, 3, 7)));
    }

    [Fact]
    public void A_streak_counts_working_days_with_goals_and_skips_days_off()
    {
        GoalDay Day(int d, bool working, int total) => new(new DateOnly(2026, 3, d), working, 0, total);
        Assert.Equal(3, GoalHistoryService.Streak([Day(4, true, 0), Day(5, true, 3), Day(6, true, 2), Day(7, false, 0), Day(8, false, 0), Day(9, true, 1)]));

        // Today still blank does not break it; a blank working day before does.
        Assert.Equal(1, GoalHistoryService.Streak([Day(5, true, 0), Day(6, true, 3), Day(9, true, 0)]));
        Assert.Equal(0, GoalHistoryService.Streak([Day(6, true, 3), Day(9, true, 0), Day(10, true, 0)]));
    }

    private static WorkProfile Profile(string zone, string? country = null, IReadOnlyList<DateInterval>? leave = null) =>
        WorkCalendar.Profile(1, zone, country, null, null, null, null, leave ?? []);
}
