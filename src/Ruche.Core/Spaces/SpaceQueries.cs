namespace Ruche.Core.Spaces;

/// <summary>Visibility of spaces as query operators, translated to SQL (CONVENTIONS 8).</summary>
public static class SpaceQueries
{
    /// <summary>Spaces a person may know exist: open and private ones, and secret ones they belong to.</summary>
    public static IQueryable<Space> ListedTo(this IQueryable<Space> spaces, long viewerId) =>
        spaces.Where(s => s.Visibility != SpaceVisibility.Secret
            || s.Members.Any(m => m.PersonId == viewerId && m.Status == MembershipStatus.Active));

    /// <summary>Spaces whose content a person may read: open ones, and any they are an active member of.</summary>
    public static IQueryable<Space> ReadableBy(this IQueryable<Space> spaces, long viewerId) =>
        spaces.Where(s => s.Visibility == SpaceVisibility.Open
            || s.Members.Any(m => m.PersonId == viewerId && m.Status == MembershipStatus.Active));
}
