using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.Spaces;

namespace Ruche.Core.Posts;

/// <summary>What a reader may do to a post: shown on its card, and checked before the act.</summary>
public sealed record PostPermissions(bool Edit, bool Delete, bool Pin);

/// <summary>
/// Who may edit, delete and pin a post, decided in one place (ADR 11): its author edits it; its author, the moderators
/// of its space (<see cref="SpaceRules.IsModeratedBy"/>) and administrators delete it; its space's moderators pin it.
/// Cards (<see cref="Feeds.PostCardLoader"/>) show these permissions and <see cref="PostService"/> and
/// <see cref="CommentService"/> check them, from the same facts read by the same rule.
/// </summary>
public static class PostRights
{
    public static PostPermissions Of(bool isAuthor, bool moderatesItsSpace, bool isAdministrator) =>
        new(Edit: isAuthor, Delete: isAuthor || moderatesItsSpace || isAdministrator, Pin: moderatesItsSpace);

    /// <summary>A post the viewer may read, with what they may do to it, in one query; "not found" otherwise.</summary>
    public static async Task<PostFacts> RequireAsync(RucheDbContext db, Viewer viewer, long postId, CancellationToken cancellationToken)
    {
        var me = viewer.PersonId;
        var post = await db.Posts.VisibleTo(me).Where(p => p.Id == postId)
            .Select(p => new { p.AuthorId, p.SpaceId, Moderates = p.SpaceId != null && p.Space!.IsModeratedBy(me), Representation = p.SpaceId != null && p.Space!.KeepsMembersPrivate() })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw RucheException.NotFound("post.not-found", "No such post.");
        return new PostFacts(postId, post.AuthorId, post.SpaceId, Of(post.AuthorId == me, post.Moderates, viewer.IsAdministrator && !post.Representation));
    }
}

/// <summary>A readable post's author and space, and what the viewer may do to it.</summary>
public sealed record PostFacts(long Id, long? AuthorId, long? SpaceId, PostPermissions Can);
