using Microsoft.EntityFrameworkCore;
using Ruche.Core.Data;
using Ruche.Core.PersonalData;

namespace Ruche.Core.Follows;

/// <summary>Whom and what a person follows, for their export.</summary>
public sealed class FollowsPersonalData(RucheDbContext db) : IPersonalDataSource
{
    public async Task ExportAsync(long personId, PersonalDataSections sections, CancellationToken cancellationToken) =>
        sections.Add("following", new
        {
            people = await db.PersonFollows.AsNoTracking().Where(f => f.FollowerId == personId).Select(f => new { f.FolloweeId, f.CreatedAt }).ToListAsync(cancellationToken),
            tags = await db.TagFollows.AsNoTracking().Where(f => f.PersonId == personId).Select(f => new { f.Tag, f.CreatedAt }).ToListAsync(cancellationToken),
            spaces = await db.SpaceFollows.AsNoTracking().Where(f => f.PersonId == personId).Select(f => new { f.SpaceId, f.CreatedAt }).ToListAsync(cancellationToken),
        });
}
