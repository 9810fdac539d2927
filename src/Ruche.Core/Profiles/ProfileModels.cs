using System.ComponentModel.DataAnnotations;
using Ruche.Core.Common;
using Ruche.Core.People;

namespace Ruche.Core.Profiles;

public sealed record Profile(
    long Id,
    string DisplayName,
    string Handle,
    string Email,
    string? JobTitle,
    NamedRef? Department,
    SiteRef? Site,
    PersonRef? Manager,
    string TimeZone,
    string? Bio,
    IReadOnlyList<string> Skills,
    Guid? PhotoFileId,
    int FollowerCount,
    int FollowingCount,
    PresenceBadge? Presence = null);

public sealed record NamedRef(long Id, string Name);

public sealed record SiteRef(long Id, string Name, string TimeZone);

/// <summary>Profile fields a person (or HR, or an administrator) changes. Null leaves a field as it is.</summary>
public sealed record ProfileUpdate(
    [property: StringLength(Limits.DisplayNameMaxLength, MinimumLength = 1)] string? DisplayName = null,
    [property: MaxLength(Limits.JobTitleMaxLength)] string? JobTitle = null,
    long? DepartmentId = null,
    long? SiteId = null,
    long? ManagerId = null,
    string? TimeZone = null,
    [property: MaxLength(Limits.BioMaxLength)] string? Bio = null,
    [property: MaxLength(Limits.SkillsPerPerson)] IReadOnlyList<string>? Skills = null);

public sealed record DirectoryEntry(long Id, string DisplayName, string Handle, string? JobTitle, string? Department, string? Site, string TimeZone, Guid? PhotoFileId, PresenceBadge? Presence = null);
