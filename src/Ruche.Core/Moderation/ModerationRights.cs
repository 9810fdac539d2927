using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.Posts;
using Ruche.Core.Spaces;

namespace Ruche.Core.Moderation;

/// <summary>
/// Who handles reports about a post and its comments: <see cref="PostQueries.IsModeratedBy"/>, as a filter the queue
/// lists and decisions check; and who the queue is for.
/// </summary>
public static class ModerationRights
{
    public static Expression<Func<Post, bool>> Moderates(Viewer viewer)
    {
        var me = viewer.PersonId;
        var administrator = viewer.IsAdministrator;
        return p => p.IsModeratedBy(me, administrator);
    }

    /// <summary>
    /// Who handles reports about a kudos: its team space's moderators, and administrators for a thank-you to a person or
    /// a company-wide team (as for a company-wide post; kudos never go to a union's space).
    /// </summary>
    public static Expression<Func<Recognition.Kudos, bool>> ModeratesKudos(Viewer viewer)
    {
        var me = viewer.PersonId;
        var administrator = viewer.IsAdministrator;
        return k => (k.SpaceId != null && k.Space!.IsModeratedBy(me))
            || (administrator && (k.SpaceId == null || (k.Space!.IsCompanyWide() && !k.Space!.KeepsMembersPrivate())));
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
