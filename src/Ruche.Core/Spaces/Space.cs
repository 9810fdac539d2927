using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ruche.Core.Common;

namespace Ruche.Core.Spaces;

public sealed class Space
{
    public long Id { get; set; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    public SpaceKind Kind { get; set; }

    public SpaceVisibility Visibility { get; set; }

    /// <summary>The open off-topic space every new person joins ("Café").</summary>
    public bool IsDefault { get; set; }

    public DateTime CreatedAt { get; set; }

    public long CreatedById { get; set; }

    public List<SpaceMembership> Members { get; set; } = [];
}

public enum SpaceKind
{
    Team,
    Project,
    Interest,
    Announcements,

    /// <summary>Reserved for the union spaces of the social-dialogue feature (L2142-6).</summary>
    Union,

    /// <summary>Reserved for staff representation (CSE).</summary>
    StaffRepresentation,
}

/// <summary>What a space's kind says of it, for a kind already read (queries use <see cref="SpaceRules.KeepsMembersPrivate"/>).</summary>
public static class SpaceKinds
{
    /// <summary>Union and staff-representation spaces: their members are private, and no administrator runs them.</summary>
    public static bool KeepMembersPrivate(SpaceKind kind) => kind is SpaceKind.Union or SpaceKind.StaffRepresentation;
}

internal sealed class SpaceConfiguration : IEntityTypeConfiguration<Space>
{
    public void Configure(EntityTypeBuilder<Space> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(Common.Limits.SpaceNameMaxLength);
        builder.Property(s => s.Description).HasMaxLength(Common.Limits.SpaceDescriptionMaxLength);
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(s => s.Visibility).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(s => s.Visibility);
        builder.HasMany(s => s.Members).WithOne(m => m.Space).HasForeignKey(m => m.SpaceId).OnDelete(DeleteBehavior.Cascade);
    }
}
