using NodaTime;
using NodaTime.TimeZones;

namespace Ruche.Core.Events;

/// <summary>
/// When an event happens, as people mean it: a local date and time in an IANA zone, a length, and an optional rule
/// (weekly, or the Nth / last weekday of each month). Occurrences are computed here with NodaTime, one local date at
/// a time, then placed in the zone: a 09:00 meeting is at 09:00 local before and after a daylight-saving change, so
/// its UTC instant moves. A local time that does not exist that day (the spring-forward gap) moves forward by the
/// gap's length; an ambiguous one (the autumn overlap) is the earlier instant, as calendar clients do.
/// </summary>
public sealed record EventSchedule(DateTimeZone Zone, LocalDate Date, LocalTime Time, Duration Length, EventRepeat Repeat, int? RepeatWeek, LocalDate? Until)
{
    /// <summary>A bound on how far a series is expanded, so a rule can never loop for ever.</summary>
    private const int MaxOccurrences = 5_000;

    public static DateTimeZone? FindZone(string? id) =>
        string.IsNullOrWhiteSpace(id) || id.Length > 64 ? null : DateTimeZoneProviders.Tzdb.GetZoneOrNull(id);

    public static EventSchedule Of(SpaceEvent e) => new(
        DateTimeZoneProviders.Tzdb[e.TimeZone],
        LocalDate.FromDateOnly(e.LocalDate),
        LocalTime.FromTimeOnly(e.LocalTime),
        Duration.FromMinutes(e.DurationMinutes),
        e.Repeat,
        e.RepeatWeek,
        e.RepeatUntil is { } until ? LocalDate.FromDateOnly(until) : null);

    public IsoDayOfWeek Weekday => Date.DayOfWeek;

    public EventOccurrence First => At(Date);

    /// <summary>The last occurrence, or null when the series has no end.</summary>
    public EventOccurrence? Last => Repeat == EventRepeat.None ? First : Until is null ? null : Dates().Select(At).LastOrDefault();

    /// <summary>Occurrences that are not over at <paramref name="from"/> and start before <paramref name="to"/>, in order.</summary>
    public IEnumerable<EventOccurrence> Between(DateTime from, DateTime to)
    {
        foreach (var date in Dates())
        {
            var occurrence = At(date);
            if (occurrence.StartsAt >= to)
            {
                yield break;
            }

            if (occurrence.EndsAt > from)
            {
                yield return occurrence;
            }
        }
    }

    public EventOccurrence At(LocalDate date)
    {
        var start = (date + Time).InZone(Zone, Resolvers.LenientResolver).ToInstant();
        return new EventOccurrence(start.ToDateTimeUtc(), (start + Length).ToDateTimeUtc());
    }

    /// <summary>The local dates of the series, from the first; endless without <see cref="Until"/> (callers bound it).</summary>
    public IEnumerable<LocalDate> Dates()
    {
        for (var n = 0; n < MaxOccurrences; n++)
        {
            var date = Repeat switch
            {
                EventRepeat.None when n > 0 => (LocalDate?)null,
                EventRepeat.None => Date,
                EventRepeat.Weekly => Date.PlusWeeks(n),
                _ => NthWeekday(Date.PlusMonths(n).With(DateAdjusters.StartOfMonth), Weekday, RepeatWeek ?? 1),
            };
            if (date is not { } d || (Until is { } until && d > until))
            {
                yield break;
            }

            yield return d;
        }
    }

    /// <summary>The <paramref name="week"/>th (1 to 4) or last (-1) <paramref name="day"/> of the month <paramref name="month"/> is in.</summary>
    public static LocalDate NthWeekday(LocalDate month, IsoDayOfWeek day, int week) =>
        week == -1
            ? month.With(DateAdjusters.EndOfMonth).With(DateAdjusters.PreviousOrSame(day))
            : month.With(DateAdjusters.StartOfMonth).With(DateAdjusters.NextOrSame(day)).PlusWeeks(week - 1);

    /// <summary>The first date on or after <paramref name="from"/> that is the <paramref name="week"/>th (or last) <paramref name="day"/> of its month.</summary>
    public static LocalDate FirstMonthlyOnOrAfter(LocalDate from, IsoDayOfWeek day, int week)
    {
        var candidate = NthWeekday(from, day, week);
        return candidate >= from ? candidate : NthWeekday(from.PlusMonths(1).With(DateAdjusters.StartOfMonth), day, week);
    }
}

/// <summary>One occurrence of an event, in UTC.</summary>
public sealed record EventOccurrence(DateTime StartsAt, DateTime EndsAt);
