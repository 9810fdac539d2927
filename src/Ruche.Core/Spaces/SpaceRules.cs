using System.Linq.Expressions;
using Ruche.Core.Common;
using Ruche.Core.Data;

namespace Ruche.Core.Spaces;

/// <summary>
/// The rules of a space, written once (CONVENTIONS 8): who knows it exists, who reads what lives in it, who moderates
/// it. Each rule is a method that queries call and <see cref="QueryExpansion"/> replaces by its expression before EF
/// Core translates them, so every query that asks reads the same SQL condition. Posts, events, goals and every later
/// content type living in a space compose these (<c>post.Space.IsReadableBy(me)</c>) instead of spelling them again.
/// <para>
/// Both directions come from one definition: a space is read by everyone when it is company-wide, otherwise by its
/// active members. "What may X read" is <see cref="IsReadableBy"/>; "who may read this" is <see cref="IsCompanyWide"/>
/// or <see cref="ActiveMemberIds"/>, the same active-membership condition enumerated (a property test holds the two
/// together on random companies).
/// </para>
/// </summary>
public static class SpaceRules
{
    /// <summary>Everyone in the company reads it (an open space).</summary>
    [ExpandedFrom(nameof(CompanyWideRule))]
    public static bool IsCompanyWide(this Space space) => throw ExpandedFromAttribute.OutsideAQuery();

    /// <summary>The person reads what lives in the space: it is company-wide, or they are an active member.</summary>
    [ExpandedFrom(nameof(ReadableByRule))]
    public static bool IsReadableBy(this Space space, long personId) => throw ExpandedFromAttribute.OutsideAQuery();

    /// <summary>The person may know the space exists: it is not secret, or they are an active member.</summary>
    [ExpandedFrom(nameof(ListedToRule))]
    public static bool IsListedTo(this Space space, long personId) => throw ExpandedFromAttribute.OutsideAQuery();

    /// <summary>The person belongs to the space (a pending join request does not count).</summary>
    [ExpandedFrom(nameof(ActiveMemberRule))]
    public static bool HasActiveMember(this Space space, long personId) => throw ExpandedFromAttribute.OutsideAQuery();

    /// <summary>Who reads a space that is not company-wide: <see cref="HasActiveMember"/> enumerated.</summary>
    [ExpandedFrom(nameof(ActiveMemberIdsRule))]
    public static IEnumerable<long> ActiveMemberIds(this Space space) => throw ExpandedFromAttribute.OutsideAQuery();

    /// <summary>The person is one of the space's active owners or moderators.</summary>
    [ExpandedFrom(nameof(ModeratedByRule))]
    public static bool IsModeratedBy(this Space space, long personId) => throw ExpandedFromAttribute.OutsideAQuery();

    /// <summary>Who moderates the space: <see cref="IsModeratedBy"/> enumerated.</summary>
    [ExpandedFrom(nameof(ModeratorIdsRule))]
    public static IEnumerable<long> ModeratorIds(this Space space) => throw ExpandedFromAttribute.OutsideAQuery();

    /// <summary>
    /// Who belongs to the space is special-category data (GDPR art. 9: union and staff-representation spaces): only its
    /// owners and moderators (the union's delegates) list its members, learn who joins, or see how many they are.
    /// </summary>
    [ExpandedFrom(nameof(MembersPrivateRule))]
    public static bool KeepsMembersPrivate(this Space space) => throw ExpandedFromAttribute.OutsideAQuery();

    /// <summary>The person may list the space's members: they read it, and its membership is not private or they moderate it.</summary>
    [ExpandedFrom(nameof(MembersListedToRule))]
    public static bool ListsMembersTo(this Space space, long personId) => throw ExpandedFromAttribute.OutsideAQuery();

    /// <summary>A membership in force, not a pending request.</summary>
    [ExpandedFrom(nameof(ActiveRule))]
    public static bool IsActive(this SpaceMembership membership) => throw ExpandedFromAttribute.OutsideAQuery();

    /// <summary>A membership in force that moderates: an owner's or a moderator's.</summary>
    [ExpandedFrom(nameof(ModeratingRule))]
    public static bool IsModerating(this SpaceMembership membership) => throw ExpandedFromAttribute.OutsideAQuery();

    /// <summary>Spaces a person may know exist.</summary>
    public static IQueryable<Space> ListedTo(this IQueryable<Space> spaces, long viewerId) => spaces.Where(s => s.IsListedTo(viewerId));

    /// <summary>Spaces whose content a person may read.</summary>
    public static IQueryable<Space> ReadableBy(this IQueryable<Space> spaces, long viewerId) => spaces.Where(s => s.IsReadableBy(viewerId));

    private static readonly Expression<Func<SpaceMembership, bool>> ActiveRule = m => m.Status == MembershipStatus.Active;

    private static readonly Expression<Func<SpaceMembership, bool>> ModeratingRule =
        m => m.IsActive() && (m.Role == SpaceRole.Owner || m.Role == SpaceRole.Moderator);

    private static readonly Expression<Func<Space, bool>> MembersPrivateRule =
        s => s.Kind == SpaceKind.Union || s.Kind == SpaceKind.StaffRepresentation;

    private static readonly Expression<Func<Space, long, bool>> MembersListedToRule =
        (s, personId) => s.IsReadableBy(personId) && (!s.KeepsMembersPrivate() || s.IsModeratedBy(personId));

    private static readonly Expression<Func<Space, bool>> CompanyWideRule = s => s.Visibility == SpaceRef.CompanyWideVisibility;

    private static readonly Expression<Func<Space, long, bool>> ActiveMemberRule =
        (s, personId) => s.Members.Any(m => m.PersonId == personId && m.IsActive());

    private static readonly Expression<Func<Space, IEnumerable<long>>> ActiveMemberIdsRule =
        s => s.Members.Where(m => m.IsActive()).Select(m => m.PersonId);

    private static readonly Expression<Func<Space, long, bool>> ReadableByRule =
        (s, personId) => s.IsCompanyWide() || s.HasActiveMember(personId);

    private static readonly Expression<Func<Space, long, bool>> ListedToRule =
        (s, personId) => s.Visibility != SpaceVisibility.Secret || s.HasActiveMember(personId);

    private static readonly Expression<Func<Space, long, bool>> ModeratedByRule =
        (s, personId) => s.Members.Any(m => m.PersonId == personId && m.IsModerating());

    private static readonly Expression<Func<Space, IEnumerable<long>>> ModeratorIdsRule =
        s => s.Members.Where(m => m.IsModerating()).Select(m => m.PersonId);
}
