using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ruche.Core.People;

namespace Ruche.Core.Recognition;

/// <summary>A badge a person earned (<see cref="Badges"/> says how), once: the key is (person, badge).</summary>
public sealed class EarnedBadge
{
    public long PersonId { get; set; }

    public Person? Person { get; set; }

    /// <summary>One of <see cref="Badges.All"/>' keys.</summary>
    public required string Badge { get; set; }

    public DateTime EarnedAt { get; set; }
}

internal sealed class EarnedBadgeConfiguration : IEntityTypeConfiguration<EarnedBadge>
{
    public void Configure(EntityTypeBuilder<EarnedBadge> builder)
    {
        builder.ToTable("EarnedBadges");
        builder.HasKey(b => new { b.PersonId, b.Badge });
        builder.Property(b => b.Badge).HasMaxLength(32);
        builder.HasOne(b => b.Person).WithMany().HasForeignKey(b => b.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
