using Microsoft.EntityFrameworkCore;
using Ruche.Core.Data;
using Ruche.Core.PersonalData;

namespace Ruche.Core.Events;

/// <summary>The events a person organised, their answers and their calendar feed, for their export.</summary>
public sealed class EventsPersonalData(RucheDbContext db) : IPersonalDataSource
{
    public async Task ExportAsync(long personId, PersonalDataSections sections, CancellationToken cancellationToken) =>
        sections.Add("events", new
        {
            organised = await db.Events.AsNoTracking().Where(e => e.OrganizerId == personId).OrderBy(e => e.Id)
                .Select(e => new
                {
                    e.Id, e.SpaceId, e.Title, e.Description, e.TimeZone, e.LocalDate, e.LocalTime, e.DurationMinutes,
                    repeat = e.Repeat.ToString(), e.RepeatWeek, e.RepeatUntil, e.CreatedAt, e.EditedAt, e.CancelledAt,
                }).ToListAsync(cancellationToken),
            answers = await db.EventAttendees.AsNoTracking().Where(a => a.PersonId == personId).OrderBy(a => a.EventId)
                .Select(a => new { a.EventId, response = a.Response.ToString(), a.Invited }).ToListAsync(cancellationToken),
            calendarFeed = await db.CalendarFeeds.AsNoTracking().Where(f => f.PersonId == personId)
                .Select(f => new { f.Prefix, f.CreatedAt }).SingleOrDefaultAsync(cancellationToken),
        });
}
