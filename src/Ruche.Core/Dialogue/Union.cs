using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ruche.Core.People;
using Ruche.Core.Spaces;

namespace Ruche.Core.Dialogue;

/// <summary>
/// A union present in the company, recorded by an administrator. It gets its space (L2142-6) owned by its delegates,
/// the *community managers syndicaux*; whatever else it may do (broadcasts, questions) the company agreement says.
/// </summary>
public sealed class Union
{
    public long Id { get; set; }

    public required string Name { get; set; }

    /// <summary>An uploaded image, optional.</summary>
    public Guid? LogoFileId { get; set; }

    public long SpaceId { get; set; }

    public Space? Space { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Bumped by every broadcast, inside its transaction: two delegates sending at once are counted one after the other.</summary>
    public int BroadcastSequence { get; set; }

    public List<UnionMandate> Delegates { get; set; } = [];

    /// <summary>Employees' choices about this union's broadcasts (read only by rules and counts, never listed).</summary>
    public List<BroadcastChoice> Choices { get; set; } = [];
}

/// <summary>A delegate's mandate: a person who speaks for a union: they own its space, publish its broadcasts and read the questions put to it.</summary>
public sealed class UnionMandate
{
    public long UnionId { get; set; }

    public Union? Union { get; set; }

    public long PersonId { get; set; }

    public Person? Person { get; set; }
}

internal sealed class UnionConfiguration : IEntityTypeConfiguration<Union>
{
    public void Configure(EntityTypeBuilder<Union> builder)
    {
        builder.Property(u => u.Name).HasMaxLength(DialogueLimits.UnionNameMaxLength);
        builder.HasIndex(u => u.Name).IsUnique();
        builder.HasIndex(u => u.SpaceId).IsUnique();
        builder.HasOne(u => u.Space).WithMany().HasForeignKey(u => u.SpaceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(u => u.Delegates).WithOne(d => d.Union).HasForeignKey(d => d.UnionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(u => u.Choices).WithOne().HasForeignKey(c => c.UnionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class UnionMandateConfiguration : IEntityTypeConfiguration<UnionMandate>
{
    public void Configure(EntityTypeBuilder<UnionMandate> builder)
    {
        builder.HasKey(d => new { d.UnionId, d.PersonId });
        builder.HasIndex(d => d.PersonId);
        builder.HasOne(d => d.Person).WithMany().HasForeignKey(d => d.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
