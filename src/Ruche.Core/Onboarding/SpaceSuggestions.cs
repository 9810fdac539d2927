using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.Posts;
using Ruche.Core.Spaces;

namespace Ruche.Core.Onboarding;

/// <summary>
/// Spaces to suggest a person: company-wide spaces (<see cref="SpaceRules.IsCompanyWide"/>, so readable by everyone)
/// they are not in nor asking to join, but never one whose membership is private (union, staff representation:
/// joining one says something a suggestion must not prompt). Ranked simply: members from their department or site
/// first, then posts they may read of the last 30 days. One SQL command.
/// </summary>
public sealed class SpaceSuggestions(RucheDbContext db, TimeProvider time)
{
    public const int RecentDays = 30;

    public async Task<IReadOnlyList<SpaceSuggestion>> ForAsync(Viewer viewer, int count, CancellationToken cancellationToken)
    {
        var me = viewer.PersonId;
        var since = time.UtcNow().AddDays(-RecentDays);
        var reader = db.People.Where(p => p.Id == me);
        var posts = db.Posts.VisibleTo(me).Where(p => p.CreatedAt > since);
        return await db.Spaces
            .Where(s => s.IsCompanyWide() && !s.KeepsMembersPrivate() && !s.Members.Any(m => m.PersonId == me))
            .Select(s => new
            {
                s.Id,
                s.Name,
                s.Description,
                Members = s.Members.Count(m => m.IsActive()),
                Near = s.Members.Count(m => m.IsActive() && m.Person!.IsActive
                    && reader.Any(r => (r.DepartmentId != null && r.DepartmentId == m.Person.DepartmentId) || (r.SiteId != null && r.SiteId == m.Person.SiteId))),
                Recent = posts.Count(p => p.SpaceId == s.Id),
            })
            .OrderByDescending(s => s.Near > 0).ThenByDescending(s => s.Recent).ThenByDescending(s => s.Near).ThenBy(s => s.Name).ThenBy(s => s.Id)
            .Take(Math.Clamp(count, 1, 20))
            .Select(s => new SpaceSuggestion(s.Id, s.Name, s.Description, s.Members, s.Recent, s.Near > 0))
            .ToListAsync(cancellationToken);
    }
}
