using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.Spaces;

namespace Ruche.Core.WorkTime;

/// <summary>A person's own working week, hours, goals space and leave; the company's extra public holidays.</summary>
public sealed class WorkScheduleService(RucheDbContext db)
{
    public const int LeaveMaxDays = 366;

    public async Task<WorkScheduleView> GetAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        var schedule = await db.WorkSchedules.AsNoTracking().SingleOrDefaultAsync(s => s.PersonId == viewer.PersonId, cancellationToken) ?? new WorkSchedule();
        var leave = await db.LeavePeriods.Where(l => l.PersonId == viewer.PersonId).OrderBy(l => l.From)
            .Select(l => new LeaveView(l.Id, l.From, l.To)).ToListAsync(cancellationToken);
        return new WorkScheduleView(schedule.Days, schedule.StartMinute, schedule.EndMinute, schedule.GoalsSpaceId, leave);
    }

    public async Task<WorkScheduleView> SetAsync(Viewer viewer, WorkScheduleChange change, CancellationToken cancellationToken)
    {
        if (change.Days is not { } days || days == WorkingDays.None || (days & ~WorkingDays.All) != 0)
        {
            throw RucheException.Invalid("schedule.days-invalid", "Choose at least one working day.");
        }

        if (change.StartMinute is not { } start || change.EndMinute is not { } end || start < 0 || end > 24 * 60 || start >= end)
        {
            throw RucheException.Invalid("schedule.hours-invalid", "Working hours start before they end, within one day.");
        }

        if (change.GoalsSpaceId is { } spaceId && !await db.SpaceMemberships.AnyAsync(
                m => m.SpaceId == spaceId && m.PersonId == viewer.PersonId && m.IsActive() && m.Space!.Kind == SpaceKind.Team, cancellationToken))
        {
            throw RucheException.Invalid("schedule.space-invalid", "Daily goals go to a team space you are a member of.");
        }

        var schedule = await db.WorkSchedules.SingleOrDefaultAsync(s => s.PersonId == viewer.PersonId, cancellationToken);
        if (schedule is null)
        {
            schedule = new WorkSchedule { PersonId = viewer.PersonId };
            db.WorkSchedules.Add(schedule);
        }

        schedule.Days = days;
        schedule.StartMinute = start;
        schedule.EndMinute = end;
        schedule.GoalsSpaceId = change.GoalsSpaceId;
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(viewer, cancellationToken);
    }

    public async Task<LeaveView> AddLeaveAsync(Viewer viewer, DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        if (from is not { } start || to is not { } end || end < start || end.DayNumber - start.DayNumber >= LeaveMaxDays)
        {
            throw RucheException.Invalid("leave.dates-invalid", $"Leave runs from a date to a later or equal one, at most {LeaveMaxDays} days.");
        }

        var leave = new LeavePeriod { PersonId = viewer.PersonId, From = start, To = end };
        db.LeavePeriods.Add(leave);
        await db.SaveChangesAsync(cancellationToken);
        return new LeaveView(leave.Id, leave.From, leave.To);
    }

    public async Task RemoveLeaveAsync(Viewer viewer, long leaveId, CancellationToken cancellationToken)
    {
        if (await db.LeavePeriods.Where(l => l.Id == leaveId && l.PersonId == viewer.PersonId).ExecuteDeleteAsync(cancellationToken) == 0)
        {
            throw RucheException.NotFound("leave.not-found", "No such leave period.");
        }
    }

    public async Task<IReadOnlyList<CompanyHolidayView>> CompanyHolidaysAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        RequireAdministrator(viewer);
        return await db.CompanyHolidays.OrderBy(h => h.Date).ThenBy(h => h.CountryCode)
            .Select(h => new CompanyHolidayView(h.Id, h.CountryCode, h.Date, h.Name)).ToListAsync(cancellationToken);
    }

    /// <summary>An administrator adds a public holiday for a country the library does not cover (or an extra one).</summary>
    public async Task<CompanyHolidayView> AddCompanyHolidayAsync(Viewer viewer, string? countryCode, DateOnly? date, string? name, CancellationToken cancellationToken)
    {
        RequireAdministrator(viewer);
        var country = Input.Text(countryCode).ToUpperInvariant();
        var label = Input.Text(name);
        if (country.Length != 2 || !country.All(char.IsAsciiLetterUpper))
        {
            throw RucheException.Invalid("holiday.country-invalid", "A country is an ISO 3166-1 two-letter code.");
        }

        if (date is not { } day || label.Length is 0 or > 100)
        {
            throw RucheException.Invalid("holiday.invalid", "A holiday needs a date and a name of at most 100 characters.");
        }

        if (await db.CompanyHolidays.AnyAsync(h => h.CountryCode == country && h.Date == day, cancellationToken))
        {
            throw RucheException.Conflict("holiday.exists", "This country already has a holiday on that date.");
        }

        var holiday = new CompanyHoliday { CountryCode = country, Date = day, Name = label };
        db.CompanyHolidays.Add(holiday);
        await db.SaveChangesAsync(cancellationToken);
        return new CompanyHolidayView(holiday.Id, holiday.CountryCode, holiday.Date, holiday.Name);
    }

    public async Task RemoveCompanyHolidayAsync(Viewer viewer, long id, CancellationToken cancellationToken)
    {
        RequireAdministrator(viewer);
        if (await db.CompanyHolidays.Where(h => h.Id == id).ExecuteDeleteAsync(cancellationToken) == 0)
        {
            throw RucheException.NotFound("holiday.not-found", "No such holiday.");
        }
    }

    private static void RequireAdministrator(Viewer viewer)
    {
        if (!viewer.IsAdministrator)
        {
            throw RucheException.Forbidden("administrator-required", "Only administrators may do this.");
        }
    }
}

public sealed record WorkScheduleView(WorkingDays Days, int StartMinute, int EndMinute, long? GoalsSpaceId, IReadOnlyList<LeaveView> Leave);

public sealed record WorkScheduleChange(WorkingDays? Days, int? StartMinute, int? EndMinute, long? GoalsSpaceId);

public sealed record LeaveView(long Id, DateOnly From, DateOnly To);

public sealed record CompanyHolidayView(long Id, string CountryCode, DateOnly Date, string Name);
