using System.Linq.Expressions;
using Ruche.Core.Data;
using Ruche.Core.Spaces;

namespace Ruche.Core.Posts;

/// <summary>
/// The one rule for who reads a post, composed from its space's (<see cref="SpaceRules"/>): profile posts are
/// company-wide; a space's posts are read by whoever reads the space. Every feed, page, count and export goes through
/// it; it is the forward half of <see cref="PostSubject"/>, whose reverse half tells notifications and live messages
/// who may read a post.
/// </summary>
public static class PostQueries
{
    public static IQueryable<Post> VisibleTo(this IQueryable<Post> posts, long viewerId) => posts.Where(p => p.IsReadableBy(viewerId));

    /// <summary>
    /// Posts a person may open one by one: those they read, and those they moderate (<see cref="IsModeratedBy"/>) even
    /// once hidden — an administrator who hid a company-wide post opens it to restore it. Feeds, search and
    /// notifications stay on <see cref="VisibleTo(IQueryable{Post}, long)"/>: hidden content leaves them for everyone
    /// but its author. (The subject rule cannot say "administrators": it is written over people's ids, not their roles.)
    /// </summary>
    public static IQueryable<Post> OpenableBy(this IQueryable<Post> posts, Common.Viewer viewer)
    {
        var me = viewer.PersonId;
        var administrator = viewer.IsAdministrator;
        return posts.Where(p => p.IsReadableBy(me) || p.IsModeratedBy(me, administrator));
    }

    /// <summary>Everyone in the company reads it: a profile post, or a post in a company-wide space.</summary>
    [ExpandedFrom(nameof(CompanyWideRule))]
    public static bool IsCompanyWide(this Post post) => throw ExpandedFromAttribute.OutsideAQuery();

    /// <summary>A hidden post is still read by its author (where they read it before) and its space's moderators.</summary>
    [ExpandedFrom(nameof(ReadableWhileHiddenByRule))]
    public static bool IsReadableWhileHiddenBy(this Post post, long personId) => throw ExpandedFromAttribute.OutsideAQuery();

    /// <summary>
    /// Who moderates a post and its comments (handles reports, hides, deletes, restores): its space's moderators; for
    /// company-wide content (a profile post, a post in an open space), administrators too — but never a union's or the
    /// staff representatives' content (<see cref="SpaceRules.KeepsMembersPrivate"/>: its delegates moderate it; the
    /// company removes it only through a recorded takedown).
    /// </summary>
    [ExpandedFrom(nameof(ModeratedByRule))]
    public static bool IsModeratedBy(this Post post, long personId, bool isAdministrator) => throw ExpandedFromAttribute.OutsideAQuery();

    [ExpandedFrom(nameof(ReadableByRule))]
    public static bool IsReadableBy(this Post post, long personId) => throw ExpandedFromAttribute.OutsideAQuery();

    private static readonly Expression<Func<Post, bool>> CompanyWideRule = p => p.SpaceId == null || p.Space!.IsCompanyWide();

    private static readonly Expression<Func<Post, long, bool>> ReadableWhileHiddenByRule =
        (p, personId) => (p.AuthorId == personId && (p.IsCompanyWide() || p.Space!.HasActiveMember(personId))) || p.Space!.IsModeratedBy(personId);

    private static readonly Expression<Func<Post, long, bool, bool>> ModeratedByRule =
        (p, personId, isAdministrator) => p.Space!.IsModeratedBy(personId)
            || (isAdministrator && p.IsCompanyWide() && (p.SpaceId == null || !p.Space!.KeepsMembersPrivate()));

    private static readonly Expression<Func<Post, long, bool>> ReadableByRule = PostSubject.Instance.Readable;
}
