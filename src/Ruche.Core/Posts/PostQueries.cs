using Ruche.Core.Spaces;

namespace Ruche.Core.Posts;

/// <summary>
/// The one rule for who reads a post, as a query operator: every feed, page, count and export goes
/// through it. Profile posts are company-wide; a space's posts follow the space's visibility.
/// </summary>
public static class PostQueries
{
    public static IQueryable<Post> VisibleTo(this IQueryable<Post> posts, long viewerId) =>
        posts.Where(p => p.SpaceId == null
            || p.Space!.Visibility == SpaceVisibility.Open
            || p.Space.Members.Any(m => m.PersonId == viewerId && m.Status == MembershipStatus.Active));
}
