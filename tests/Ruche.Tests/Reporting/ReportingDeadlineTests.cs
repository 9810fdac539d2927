using Ruche.Core.Reporting;
using Ruche.Core.WorkTime;

namespace Ruche.Tests.Reporting;

/// <summary>The legal deadlines on French working days: weekends and public holidays do not count, the day of receipt neither.</summary>
public sealed class ReportingDeadlineTests
{
    private static readonly Holidays French = Holidays.None;

    [Theory]
    // Tuesday 22 December 2026: Christmas (Friday 25) and New Year's Day (Friday 1 January) are skipped.
    [InlineData("2026-12-22T10:00:00Z", "2027-01-04")]
    // 23:30 UTC on Monday 21 December is already Tuesday 22 in Paris: the company's clock decides the day of receipt.
    [InlineData("2026-12-21T23:30:00Z", "2027-01-04")]
    // Tuesday 28 April 2026: 1 May and 8 May (both Fridays) are skipped.
    [InlineData("2026-04-28T08:00:00Z", "2026-05-11")]
    // Friday 10 July 2026: 14 July (a Tuesday) is skipped.
    [InlineData("2026-07-10T15:00:00Z", "2026-07-22")]
    // Received on a Saturday: the count starts on Monday.
    [InlineData("2026-03-07T10:00:00Z", "2026-03-17")]
    public void Acknowledgement_is_due_seven_working_days_after_receipt(string receivedUtc, string expected)
    {
        var received = DateTime.Parse(receivedUtc, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), CaseDeadlines.AcknowledgeBy(received, French));
    }

    [Theory]
    [InlineData("2026-11-30", "2027-02-28")]
    [InlineData("2027-01-04", "2027-04-04")]
    public void Feedback_is_due_three_months_after_acknowledgement(string acknowledged, string expected) =>
        Assert.Equal(
            DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            CaseDeadlines.FeedbackBy(DateOnly.Parse(acknowledged, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Working_days_between_skip_holidays_and_count_backwards_when_past()
    {
        Assert.Equal(2, CaseDeadlines.WorkingDaysBetween(new DateOnly(2026, 12, 30), new DateOnly(2027, 1, 4), French));
        Assert.Equal(-2, CaseDeadlines.WorkingDaysBetween(new DateOnly(2027, 1, 4), new DateOnly(2026, 12, 30), French));
        Assert.False(CaseDeadlines.IsWorkingDay(new DateOnly(2026, 5, 14), French)); // Ascension Thursday
        Assert.True(CaseDeadlines.IsWorkingDay(new DateOnly(2026, 5, 13), French));
    }
}
