using Ruche.Core.People;

namespace Ruche.Core.Targeting;

/// <summary>
/// Whom a targeted message is meant for: people of a site, of a department, of a professional category and following
/// a topic (a tag); every criterion given narrows the audience, none is everyone. The recipients are then the
/// audience less whoever refused the sender's messages (each feature applies its own consent).
/// </summary>
public sealed record Audience(long? SiteId = null, long? DepartmentId = null, JobCategory? JobCategory = null, string? Topic = null)
{
    public static readonly Audience Everyone = new();

    public bool IsEveryone => SiteId is null && DepartmentId is null && JobCategory is null && Topic is null;
}

/// <summary>An audience as its sender reads it back: the names of what was chosen.</summary>
public sealed record AudienceView(long? SiteId, string? Site, long? DepartmentId, string? Department, JobCategory? JobCategory, string? Topic);
