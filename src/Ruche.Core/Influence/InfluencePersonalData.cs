using Microsoft.EntityFrameworkCore;
using Ruche.Core.Data;
using Ruche.Core.PersonalData;

namespace Ruche.Core.Influence;

/// <summary>A person's choices about the graph and their stored figures, for their export.</summary>
public sealed class InfluencePersonalData(RucheDbContext db) : IPersonalDataSource
{
    public async Task ExportAsync(long personId, PersonalDataSections sections, CancellationToken cancellationToken) =>
        sections.Add("influence", new
        {
            preference = await db.Set<InfluencePreference>().AsNoTracking().Where(p => p.PersonId == personId)
                .Select(p => new { p.Recognised, p.LeftGraph, p.ChangedAt }).FirstOrDefaultAsync(cancellationToken),
            scores = await db.Set<InfluenceScore>().AsNoTracking().Where(s => s.PersonId == personId)
                .Join(db.Set<InfluenceRun>(), s => s.RunId, r => r.Id, (s, r) => new { r.ComputedAt, s.Score, s.Rank, s.Reach }).ToListAsync(cancellationToken),
            voices = await db.Set<InfluenceVoice>().AsNoTracking().Where(v => v.PersonId == personId)
                .Select(v => new { v.RunId, v.Topic, v.Rank, v.Givers }).ToListAsync(cancellationToken),
        });
}
