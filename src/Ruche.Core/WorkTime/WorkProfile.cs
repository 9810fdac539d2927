using NodaTime;

namespace Ruche.Core.WorkTime;

/// <summary>
/// What decides a person's working days and hours: their time zone, their site's country and region, their working
/// week and hours, and their leave. Pure: every answer comes from these values and the instant asked about.
/// </summary>
/// <param name="Leave">Leave periods that may matter (the caller loads those around the dates it asks about).</param>
public sealed record WorkProfile(
    long PersonId,
    DateTimeZone Zone,
    string? CountryCode,
    string? Region,
    WorkingDays Days,
    int StartMinute,
    int EndMinute,
    IReadOnlyList<DateInterval> Leave)
{
    /// <summary>The person's calendar date at an instant (UTC).</summary>
    public LocalDate LocalDate(DateTime utc) => ToInstant(utc).InZone(Zone).Date;

    /// <summary>The person's wall-clock time at an instant (UTC).</summary>
    public LocalDateTime LocalTime(DateTime utc) => ToInstant(utc).InZone(Zone).LocalDateTime;

    /// <summary>A working weekday for them, not a public holiday of their site's country, and not on leave.</summary>
    public bool IsWorkingDay(LocalDate date, Holidays holidays) =>
        Days.HasFlag(DayBit(date.DayOfWeek))
        && !holidays.IsHoliday(CountryCode, Region, date)
        && !Leave.Any(l => l.Contains(date));

    /// <summary>
    /// The UTC instant of a wall-clock minute on a date. A minute that a clock change skips moves forward by the gap; one
    /// that happens twice is its first occurrence: every local minute maps to exactly one instant.
    /// </summary>
    public DateTime At(LocalDate date, int minuteOfDay) =>
        date.At(NodaTime.LocalTime.Midnight).PlusMinutes(minuteOfDay).InZoneLeniently(Zone).ToDateTimeUtc();

    public DateTime StartOfDay(LocalDate date) => At(date, StartMinute);

    /// <summary>When the person's working day ends: their goals list closes then.</summary>
    public DateTime EndOfDay(LocalDate date) => At(date, EndMinute);

    public static WorkingDays DayBit(IsoDayOfWeek day) => (WorkingDays)(1 << ((int)day - 1));

    private static Instant ToInstant(DateTime utc) => Instant.FromDateTimeUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
}
