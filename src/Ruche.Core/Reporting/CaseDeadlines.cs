using NodaTime;
using Ruche.Core.WorkTime;

namespace Ruche.Core.Reporting;

/// <summary>
/// The legal deadlines of a report (Sapin II as amended in 2022; EU Directive 2019/1937): acknowledge within 7 working
/// days of receipt, and tell the reporter what was done within 3 months of the acknowledgement (or, when none was sent,
/// of the end of those 7 days). Working days are Monday to Friday except French public holidays, counted on the
/// company's clock (Europe/Paris), the day of receipt not counted.
/// </summary>
public static class CaseDeadlines
{
    public const int AcknowledgeWorkingDays = 7;
    public const int FeedbackMonths = 3;

    /// <summary>A deadline this close is at risk (the dashboard shows it, the reminder pass warns the referents).</summary>
    public const int AcknowledgeWarningWorkingDays = 2;
    public const int FeedbackWarningDays = 14;

    public static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb["Europe/Paris"];

    public static DateOnly LocalDate(DateTime utc) =>
        Instant.FromDateTimeUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).InZone(Zone).Date.ToDateOnly();

    public static DateOnly AcknowledgeBy(DateTime receivedUtc, Holidays holidays) => AddWorkingDays(LocalDate(receivedUtc), AcknowledgeWorkingDays, holidays);

    public static DateOnly FeedbackBy(DateOnly startedOn) => startedOn.AddMonths(FeedbackMonths);

    public static DateOnly AddWorkingDays(DateOnly from, int days, Holidays holidays)
    {
        var date = from;
        var counted = 0;
        while (counted < days)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date, holidays))
            {
                counted++;
            }
        }

        return date;
    }

    /// <summary>Working days from <paramref name="from"/> (excluded) to <paramref name="to"/> (included); negative when past.</summary>
    public static int WorkingDaysBetween(DateOnly from, DateOnly to, Holidays holidays)
    {
        if (to <= from)
        {
            return to == from ? 0 : -WorkingDaysBetween(to, from, holidays);
        }

        var count = 0;
        for (var date = from.AddDays(1); date <= to; date = date.AddDays(1))
        {
            if (IsWorkingDay(date, holidays))
            {
                count++;
            }
        }

        return count;
    }

    public static bool IsWorkingDay(DateOnly date, Holidays holidays) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.IsHoliday("FR", null, NodaTime.LocalDate.FromDateOnly(date));
}
