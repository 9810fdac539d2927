using Microsoft.EntityFrameworkCore;
using Ruche.Core.Data;
using Ruche.Core.PersonalData;

namespace Ruche.Core.Moderation;

/// <summary>
/// What a person reported, and the decisions they were told of about their own content, for their export. Reports
/// others made about their content are not theirs to read: a reporter's identity stays with the moderators.
/// </summary>
public sealed class ModerationPersonalData(RucheDbContext db) : IPersonalDataSource
{
    public async Task ExportAsync(long personId, PersonalDataSections sections, CancellationToken cancellationToken)
    {
        sections.Add("reportsMade", await db.Set<ContentReport>().AsNoTracking().Where(r => r.ReporterId == personId).OrderBy(r => r.Id)
            .Select(r => new { content = r.Content.ToString(), r.ContentId, r.PostId, reason = r.Reason.ToString(), r.Note, r.CreatedAt })
            .ToListAsync(cancellationToken));
        var readable = ModerationDecisionSubject.Instance.ReadableBy(db, personId);
        sections.Add("moderationOfYourContent", await db.Set<ModerationDecision>().AsNoTracking().Where(d => readable.Contains(d.Id)).OrderBy(d => d.Id)
            .Select(d => new { content = d.Content.ToString(), d.ContentId, action = d.Action.ToString(), d.Reason, d.DecidedAt })
            .ToListAsync(cancellationToken));
    }
}
