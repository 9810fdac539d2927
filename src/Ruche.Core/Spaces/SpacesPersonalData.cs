using Microsoft.EntityFrameworkCore;
using Ruche.Core.Data;
using Ruche.Core.PersonalData;

namespace Ruche.Core.Spaces;

/// <summary>The spaces a person belongs to or asked to join, with their role, for their export.</summary>
public sealed class SpacesPersonalData(RucheDbContext db) : IPersonalDataSource
{
    public async Task ExportAsync(long personId, PersonalDataSections sections, CancellationToken cancellationToken) =>
        sections.Add("memberships", await db.SpaceMemberships.AsNoTracking().Where(m => m.PersonId == personId)
            .Select(m => new { m.SpaceId, space = m.Space!.Name, role = m.Role.ToString(), status = m.Status.ToString(), m.CreatedAt })
            .ToListAsync(cancellationToken));
}
