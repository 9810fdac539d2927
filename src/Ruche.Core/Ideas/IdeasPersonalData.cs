using Microsoft.EntityFrameworkCore;
using Ruche.Core.Data;
using Ruche.Core.PersonalData;

namespace Ruche.Core.Ideas;

/// <summary>A person's ideas, votes, comments and follows, for their export.</summary>
public sealed class IdeasPersonalData(RucheDbContext db) : IPersonalDataSource
{
    public async Task ExportAsync(long personId, PersonalDataSections sections, CancellationToken cancellationToken) =>
        sections.Add("ideas", new
        {
            submitted = await db.Set<Idea>().AsNoTracking().Where(i => i.AuthorId == personId).OrderBy(i => i.Id)
                .Select(i => new { i.Id, i.SpaceId, i.Title, i.Description, status = i.Status.ToString(), tags = i.Tags.Select(t => t.Tag).ToList(), i.CreatedAt })
                .ToListAsync(cancellationToken),
            votes = await db.Set<IdeaVote>().AsNoTracking().Where(v => v.PersonId == personId).OrderBy(v => v.IdeaId)
                .Select(v => new { v.IdeaId, v.CreatedAt }).ToListAsync(cancellationToken),
            comments = await db.Set<IdeaComment>().AsNoTracking().Where(c => c.AuthorId == personId).OrderBy(c => c.Id)
                .Select(c => new { c.Id, c.IdeaId, c.Body, c.CreatedAt }).ToListAsync(cancellationToken),
            following = await db.Set<IdeaFollow>().AsNoTracking().Where(f => f.PersonId == personId).OrderBy(f => f.IdeaId)
                .Select(f => f.IdeaId).ToListAsync(cancellationToken),
            statusChangesDecided = await db.Set<IdeaStatusChange>().AsNoTracking().Where(c => c.DecidedById == personId || c.OwnerId == personId).OrderBy(c => c.Id)
                .Select(c => new { c.Id, c.IdeaId, from = c.From.ToString(), to = c.To.ToString(), c.Reason, c.At, c.OwnerId, c.DecidedById }).ToListAsync(cancellationToken),
        });
}
