namespace Ruche.Core.Spaces;

public sealed record SpaceSummary(
    long Id,
    string Name,
    string? Description,
    SpaceKind Kind,
    SpaceVisibility Visibility,
    bool IsDefault,
    int MemberCount,
    SpaceRole? MyRole,
    MembershipStatus? MyStatus,
    bool CanRead,
    bool CanModerate)
{
    public bool IsMember => MyStatus == MembershipStatus.Active;

    /// <summary>Announcement spaces take posts from their owners and moderators only.</summary>
    public bool CanPost => IsMember && (Kind != SpaceKind.Announcements || CanModerate);
}

public sealed record NewSpace(string? Name, string? Description, SpaceKind Kind, SpaceVisibility Visibility);

public sealed record SpaceMemberView(long PersonId, string DisplayName, string Handle, string? JobTitle, string TimeZone, SpaceRole Role, MembershipStatus Status);
