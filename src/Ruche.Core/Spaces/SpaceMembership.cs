using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ruche.Core.People;

namespace Ruche.Core.Spaces;

/// <summary>A person's place in a space. A pending membership is a join request to a private space.</summary>
public sealed class SpaceMembership
{
    public long SpaceId { get; set; }

    public Space? Space { get; set; }

    public long PersonId { get; set; }

    public Person? Person { get; set; }

    public SpaceRole Role { get; set; }

    public MembershipStatus Status { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>An owner in force, for a membership already read (queries use <see cref="SpaceRules"/>).</summary>
    public bool IsActiveOwner => Status == MembershipStatus.Active && Role == SpaceRole.Owner;
}

public enum SpaceRole
{
    Member,
    Moderator,
    Owner,
}

public enum MembershipStatus
{
    Active,
    Pending,
}

internal sealed class SpaceMembershipConfiguration : IEntityTypeConfiguration<SpaceMembership>
{
    public void Configure(EntityTypeBuilder<SpaceMembership> builder)
    {
        builder.HasKey(m => new { m.SpaceId, m.PersonId });

        // "Which spaces am I in" is asked by every feed and visibility check.
        builder.HasIndex(m => new { m.PersonId, m.Status, m.SpaceId });
        builder.Property(m => m.Role).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasOne(m => m.Person).WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
