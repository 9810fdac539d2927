using Microsoft.EntityFrameworkCore;
using Ruche.Core.Data;
using Ruche.Core.PersonalData;

namespace Ruche.Core.Irritants;

/// <summary>
/// The irritants a person reported under their name, and their own "me too"s, for their export. An anonymous irritant
/// is in nobody's export: nothing says whose it is.
/// </summary>
public sealed class IrritantsPersonalData(RucheDbContext db) : IPersonalDataSource
{
    public async Task ExportAsync(long personId, PersonalDataSections sections, CancellationToken cancellationToken) =>
        sections.Add("irritants", new
        {
            reported = await db.Set<Irritant>().AsNoTracking().Where(i => i.ReporterId == personId).OrderBy(i => i.ReportedOn).ThenBy(i => i.Id)
                .Select(i => new { i.Id, i.Category, i.Description, i.SiteId, i.DepartmentId, i.ReportedOn, status = i.Status.ToString() })
                .ToListAsync(cancellationToken),
            meToo = await db.Set<IrritantMeToo>().AsNoTracking().Where(m => m.PersonId == personId).OrderBy(m => m.IrritantId)
                .Select(m => m.IrritantId).ToListAsync(cancellationToken),
        });
}
