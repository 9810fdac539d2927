using Microsoft.EntityFrameworkCore;
using NodaTime;
using Ruche.Core.Data;
using Ruche.Core.People;

namespace Ruche.Core.WorkTime;

/// <summary>
/// Answers "what day is it for this person", "is it a working day for them" and "when does their day end", from their
/// profile time zone, site country, <see cref="WorkSchedule"/>, <see cref="LeavePeriod"/>s and the public holidays.
/// The daily goals, their reminder and the team board use it; events and presence can too. Loads many people in a
/// fixed number of queries (<see cref="ProfilesAsync"/>).
/// </summary>
public sealed class WorkCalendar(RucheDbContext db)
{
    public async Task<Holidays> HolidaysAsync(CancellationToken cancellationToken) =>
        new(await db.CompanyHolidays.AsNoTracking().ToListAsync(cancellationToken));

    /// <summary>One person's day at an instant: their local date, whether they work that day, and its start and end.</summary>
    public async Task<PersonDay> DayAsync(long personId, DateTime utc, CancellationToken cancellationToken)
    {
        var profile = (await ProfilesAsync(db.People.Where(p => p.Id == personId), utc, cancellationToken)).SingleOrDefault()
            ?? throw Common.RucheException.NotFound("person.not-found", "No such person.");
        return DayOf(profile, utc, await HolidaysAsync(cancellationToken));
    }

    public static PersonDay DayOf(WorkProfile profile, DateTime utc, Holidays holidays)
    {
        var date = profile.LocalDate(utc);
        return new PersonDay(profile, date, profile.IsWorkingDay(date, holidays), profile.StartOfDay(date), profile.EndOfDay(date));
    }

    /// <summary>
    /// Who among these people is within their working hours at an instant: a working day for them (their week, their
    /// site's holidays, not on leave) between their day's start and end. Three queries, whatever the number of people.
    /// </summary>
    public async Task<IReadOnlySet<long>> WorkingNowAsync(IQueryable<Person> people, DateTime utc, CancellationToken cancellationToken)
    {
        var profiles = await ProfilesAsync(people, utc, cancellationToken);
        var holidays = await HolidaysAsync(cancellationToken);
        return profiles.Select(profile => DayOf(profile, utc, holidays))
            .Where(day => day.IsWorkingDay && utc >= day.Start && utc < day.End)
            .Select(day => day.Profile.PersonId)
            .ToHashSet();
    }

    /// <summary>
    /// Work profiles of some people, with the leave that touches the days around an instant (a day each side, enough
    /// for every time zone): two queries, whatever the number of people.
    /// </summary>
    public async Task<List<WorkProfile>> ProfilesAsync(IQueryable<Person> people, DateTime aroundUtc, CancellationToken cancellationToken)
    {
        var day = DateOnly.FromDateTime(aroundUtc);
        return await ProfilesAsync(people, day.AddDays(-1), day.AddDays(1), cancellationToken);
    }

    /// <summary>Work profiles with the leave that touches the dates from–to (inclusive).</summary>
    public async Task<List<WorkProfile>> ProfilesAsync(IQueryable<Person> people, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var rows = await people
            .Select(p => new
            {
                p.Id,
                p.TimeZone,
                Country = p.Site == null ? null : p.Site.CountryCode,
                Region = p.Site == null ? null : p.Site.Region,
                Schedule = db.WorkSchedules.Where(s => s.PersonId == p.Id).Select(s => new { s.Days, s.StartMinute, s.EndMinute }).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var leave = await LeaveAsync(people.Select(p => p.Id), from, to, cancellationToken);
        return rows.Select(r => Profile(
                r.Id, r.TimeZone, r.Country, r.Region, r.Schedule?.Days, r.Schedule?.StartMinute, r.Schedule?.EndMinute, leave[r.Id].ToList()))
            .ToList();
    }

    /// <summary>Leave periods of some people that touch the dates from–to (inclusive), in one query.</summary>
    public async Task<ILookup<long, DateInterval>> LeaveAsync(IQueryable<long> personIds, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        (await db.LeavePeriods.Where(l => personIds.Contains(l.PersonId) && l.To >= from && l.From <= to)
            .Select(l => new { l.PersonId, l.From, l.To }).ToListAsync(cancellationToken))
        .ToLookup(l => l.PersonId, l => new DateInterval(LocalDate.FromDateOnly(l.From), LocalDate.FromDateOnly(l.To)));

    /// <summary>A profile from stored values; a missing schedule means Monday to Friday, 09:00–18:00.</summary>
    public static WorkProfile Profile(
        long personId, string? timeZone, string? country, string? region, WorkingDays? days, int? startMinute, int? endMinute, IReadOnlyList<DateInterval> leave) =>
        new(
            personId,
            Zone(timeZone),
            country,
            region,
            days ?? WorkingDays.MondayToFriday,
            startMinute ?? WorkSchedule.DefaultStartMinute,
            endMinute ?? WorkSchedule.DefaultEndMinute,
            leave);

    /// <summary>The IANA zone of a profile; UTC for an id the time zone database does not know (never stored: profiles are validated).</summary>
    public static DateTimeZone Zone(string? timeZoneId) =>
        (timeZoneId is null ? null : DateTimeZoneProviders.Tzdb.GetZoneOrNull(timeZoneId)) ?? DateTimeZone.Utc;
}

/// <param name="Date">The person's local date.</param>
/// <param name="Start">When their working day starts (UTC).</param>
/// <param name="End">When their working day ends (UTC).</param>
public sealed record PersonDay(WorkProfile Profile, LocalDate Date, bool IsWorkingDay, DateTime Start, DateTime End);
