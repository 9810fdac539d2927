using NodaTime;

namespace Ruche.Core.Presence;

/// <summary>
/// Whether people are within their working hours at an instant, asked for a whole page of people at once (so an
/// implementation that reads schedules from the database does it in one query).
/// <para>
/// <see cref="DefaultWorkingHours"/> answers Monday to Friday, 09:00 to 18:00 in each person's own time zone. The daily
/// goals feature keeps each person's working days, hours and holidays; when it lands, register its schedule as
/// <see cref="IWorkingHours"/> in place of the default (RucheServices), and the team view follows it.
/// </para>
/// </summary>
public interface IWorkingHours
{
    Task<IReadOnlySet<long>> WorkingNowAsync(IReadOnlyCollection<PersonClock> people, DateTime utcNow, CancellationToken cancellationToken);
}

/// <summary>A person and the IANA time zone of their profile.</summary>
public sealed record PersonClock(long PersonId, string TimeZone);

/// <summary>Monday to Friday, 09:00 (inclusive) to 18:00 (exclusive), on each person's own clock.</summary>
public sealed class DefaultWorkingHours : IWorkingHours
{
    public static readonly LocalTime DayStarts = new(9, 0);
    public static readonly LocalTime DayEnds = new(18, 0);

    public Task<IReadOnlySet<long>> WorkingNowAsync(IReadOnlyCollection<PersonClock> people, DateTime utcNow, CancellationToken cancellationToken)
    {
        var now = Instant.FromDateTimeUtc(DateTime.SpecifyKind(utcNow, DateTimeKind.Utc));
        IReadOnlySet<long> working = people.Where(p => IsWorking(now, p.TimeZone)).Select(p => p.PersonId).ToHashSet();
        return Task.FromResult(working);
    }

    public static bool IsWorking(Instant now, string timeZone)
    {
        var local = now.InZone(DateTimeZoneProviders.Tzdb.GetZoneOrNull(timeZone) ?? DateTimeZone.Utc).LocalDateTime;
        return local.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday)
            && local.TimeOfDay >= DayStarts && local.TimeOfDay < DayEnds;
    }
}
