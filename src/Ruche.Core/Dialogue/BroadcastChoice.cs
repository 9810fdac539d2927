using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ruche.Core.People;

namespace Ruche.Core.Dialogue;

/// <summary>
/// An employee's answer to one union's broadcasts, changed at any time with immediate effect. Who accepts or refuses a
/// union is special-category data (GDPR art. 9): read by the person themself; the union sees counts of 5 or more only.
/// </summary>
public sealed class BroadcastChoice
{
    public long PersonId { get; set; }

    public Person? Person { get; set; }

    public long UnionId { get; set; }

    public bool Accepts { get; set; }

    public DateTime ChangedAt { get; set; }
}

internal sealed class BroadcastChoiceConfiguration : IEntityTypeConfiguration<BroadcastChoice>
{
    public void Configure(EntityTypeBuilder<BroadcastChoice> builder)
    {
        builder.HasKey(c => new { c.PersonId, c.UnionId });

        // Sending a broadcast reads a union's choices at once.
        builder.HasIndex(c => new { c.UnionId, c.Accepts });
        builder.HasOne(c => c.Person).WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
