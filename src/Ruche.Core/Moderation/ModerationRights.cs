using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.Posts;
using Ruche.Core.Spaces;

namespace Ruche.Core.Moderation;

/// <summary>
/// Who handles reports about a post and its comments, decided once: the moderators of its space; for company-wide
/// content (a profile post, a post in an open space), administrators too. The queue lists, and decisions check, this rule.
/// </summary>
public static class ModerationRights
{
    public static Expression<Func<Post, bool>> Moderates(Viewer viewer)
    {
        var me = viewer.PersonId;
        var administrator = viewer.IsAdministrator;
        return p => p.Space!.IsModeratedBy(me) || (administrator && p.IsCompanyWide() && (p.SpaceId == null || !p.Space!.KeepsMembersPrivate()));
    }

    /// <summary>The queue is for those who moderate something: a space's moderators and administrators.</summary>
    public static async Task<bool> IsModeratorAsync(RucheDbContext db, Viewer viewer, CancellationToken cancellationToken)
    {
        var me = viewer.PersonId;
        return viewer.IsAdministrator || await db.SpaceMemberships.AnyAsync(m => m.PersonId == me && m.IsModerating(), cancellationToken);
    }

    public static async Task RequireModeratorAsync(RucheDbContext db, Viewer viewer, CancellationToken cancellationToken)
    {
        if (!await IsModeratorAsync(db, viewer, cancellationToken))
        {
            throw RucheException.Forbidden("moderation.moderators-only", "Only the moderators of a space and administrators handle reports.");
        }
    }
}
