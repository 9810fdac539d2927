using Microsoft.EntityFrameworkCore;
using Ruche.Core.Data;
using Ruche.Core.PersonalData;

namespace Ruche.Core.Goals;

/// <summary>A person's working week, leave, daily goals, suggestions made and reminders, for their export.</summary>
public sealed class GoalsPersonalData(RucheDbContext db) : IPersonalDataSource
{
    public async Task ExportAsync(long personId, PersonalDataSections sections, CancellationToken cancellationToken) =>
        sections.Add("goals", new
        {
            schedule = await db.WorkSchedules.AsNoTracking().Where(w => w.PersonId == personId)
                .Select(w => new { days = w.Days.ToString(), w.StartMinute, w.EndMinute, w.GoalsSpaceId }).SingleOrDefaultAsync(cancellationToken),
            leave = await db.LeavePeriods.AsNoTracking().Where(l => l.PersonId == personId).OrderBy(l => l.From)
                .Select(l => new { l.From, l.To }).ToListAsync(cancellationToken),
            days = await db.GoalLists.AsNoTracking().Where(l => l.PersonId == personId).OrderBy(l => l.LocalDate)
                .Select(l => new
                {
                    l.LocalDate,
                    l.PostId,
                    goals = l.Goals.OrderBy(g => g.Position).Select(g => new
                    {
                        g.Text, g.LinkUrl, g.LinkPostId, g.LinkPersonId, status = g.Status.ToString(), g.StatusNote, g.CarriedFromGoalId,
                    }),
                }).ToListAsync(cancellationToken),
            suggestionsMade = await db.GoalSuggestions.AsNoTracking().Where(s => s.AuthorId == personId).OrderBy(s => s.Id)
                .Select(s => new { s.GoalId, s.Text, s.Note, status = s.Status.ToString(), s.CreatedAt }).ToListAsync(cancellationToken),
            remindedOn = await db.GoalReminders.AsNoTracking().Where(r => r.PersonId == personId).OrderBy(r => r.LocalDate)
                .Select(r => r.LocalDate).ToListAsync(cancellationToken),
        });
}
