using Microsoft.EntityFrameworkCore;
using Ruche.Core.Data;
using Ruche.Core.PersonalData;

namespace Ruche.Core.Presence;

/// <summary>Where a person said they work from today, for their export.</summary>
public sealed class PresencePersonalData(RucheDbContext db) : IPersonalDataSource
{
    public async Task ExportAsync(long personId, PersonalDataSections sections, CancellationToken cancellationToken) =>
        sections.Add("presence", await db.PresenceStatuses.AsNoTracking().Where(s => s.PersonId == personId)
            .Select(s => new { mode = s.Mode.ToString(), s.Note, s.ExpiresAt }).SingleOrDefaultAsync(cancellationToken));
}
