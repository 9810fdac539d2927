using Ruche.Core.Common;

namespace Ruche.Core.Spaces;

public sealed record SpaceSummary(
    long Id,
    string Name,
    string? Description,
    SpaceKind Kind,
    SpaceVisibility Visibility,
    bool IsDefault,
    int? MemberCount,
    SpaceRole? MyRole,
    MembershipStatus? MyStatus,
    bool CanRead,
    bool CanModerate,
    bool CanListMembers)
{
    /// <summary>Who belongs is private (a union or staff-representation space): the count and the list are its moderators' only.</summary>
    public bool MembersPrivate => SpaceKinds.KeepMembersPrivate(Kind);

    public bool IsMember => MyStatus == MembershipStatus.Active;

    /// <summary>The viewer asked to join and waits for a moderator.</summary>
    public bool IsPending => MyStatus == MembershipStatus.Pending;

    /// <summary>Joining takes effect at once (an open space); elsewhere it is a request a moderator answers.</summary>
    public bool JoinsDirectly => Visibility == SpaceVisibility.Open;

    /// <summary>Announcement spaces take posts from their owners and moderators only.</summary>
    public bool CanPost => IsMember && (Kind != SpaceKind.Announcements || CanModerate);
}

public sealed record NewSpace(string? Name, string? Description, SpaceKind Kind, SpaceVisibility Visibility)
{
    /// <summary>What the form proposes: an open space, read by everyone.</summary>
    public const SpaceVisibility DefaultVisibility = SpaceVisibility.Open;
}

public sealed record SpaceMemberView(long PersonId, string DisplayName, string Handle, string? JobTitle, string TimeZone, SpaceRole Role, MembershipStatus Status)
{
    public bool IsPending => Status == MembershipStatus.Pending;
}

/// <summary>A space's name and where it is, as the navigation lists it.</summary>
public sealed record SpaceLink(long Id, string Name);
