using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.PersonalData;
using Ruche.Core.Spaces;

namespace Ruche.Core.Posts;

/// <summary>
/// A person's posts by audience, derived from the same rule feeds use: profile and open-space posts are
/// company-wide; private and secret spaces' posts are for their members (named, with how many they are).
/// </summary>
public sealed class PostsDisclosure(RucheDbContext db) : IDisclosureSource
{
    public async Task<IReadOnlyList<Disclosure>> DescribeAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        var me = viewer.PersonId;
        var companyWide = await db.Posts.CountAsync(p => p.AuthorId == me && p.IsCompanyWide(), cancellationToken);
        var restricted = await db.Posts.Where(p => p.AuthorId == me && !p.IsCompanyWide())
            .GroupBy(p => new { p.Space!.Id, p.Space.Name })
            .Select(g => new
            {
                g.Key.Name,
                Posts = g.Count(),
                Members = db.SpaceMemberships.Count(m => m.SpaceId == g.Key.Id && m.IsActive()),
            })
            .ToListAsync(cancellationToken);
        var comments = await db.Comments.CountAsync(c => c.AuthorId == me, cancellationToken);
        var reactions = await db.Reactions.CountAsync(r => r.PersonId == me, cancellationToken);

        var items = new List<Disclosure> { new("posts", companyWide, Audiences.Everyone) };
        items.AddRange(restricted.OrderBy(r => r.Name, StringComparer.Ordinal).Select(r => new Disclosure("posts", r.Posts, Audiences.SpaceMembers, r.Name, r.Members)));
        items.Add(new Disclosure("comments", comments, Audiences.ReadersOfThePost));
        items.Add(new Disclosure("reactions", reactions, Audiences.ReadersOfThePost));
        return items;
    }
}
