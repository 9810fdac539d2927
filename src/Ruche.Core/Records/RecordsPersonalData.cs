using Microsoft.EntityFrameworkCore;
using Ruche.Core.Data;
using Ruche.Core.PersonalData;

namespace Ruche.Core.Records;

/// <summary>For a person's own export: the remarks and employer answers they wrote on CSE minutes. Minutes and records are the bodies' own.</summary>
public sealed class RecordsPersonalData(RucheDbContext db) : IPersonalDataSource
{
    public async Task ExportAsync(long personId, PersonalDataSections sections, CancellationToken cancellationToken) =>
        sections.Add("cseRemarks", await db.Set<CseComment>().AsNoTracking().Where(c => c.AuthorId == personId).OrderBy(c => c.At)
            .Select(c => new { meeting = c.MeetingId, c.Text, c.At, employerAnswer = c.IsEmployerAnswer }).ToListAsync(cancellationToken));
}
