using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ruche.Core.People;

namespace Ruche.Core.Dialogue;

/// <summary>
/// An employee's answer to one channel of one union (its broadcasts, its polls), changed at any time with immediate effect. Who accepts or refuses a
/// union is special-category data (GDPR art. 9): read by the person themself; the union sees counts of 5 or more only.
/// </summary>
public sealed class BroadcastChoice
{
    public long PersonId { get; set; }

    public Person? Person { get; set; }

    public long UnionId { get; set; }

    /// <summary>Which of the union's channels; rows from before channels existed are about broadcasts.</summary>
    public UnionChannel Channel { get; set; }

    public bool Accepts { get; set; }

    public DateTime ChangedAt { get; set; }
}

internal sealed class BroadcastChoiceConfiguration : IEntityTypeConfiguration<BroadcastChoice>
{
    public void Configure(EntityTypeBuilder<BroadcastChoice> builder)
    {
        builder.HasKey(c => new { c.PersonId, c.UnionId, c.Channel });

        // Sending a broadcast or announcing a poll reads a union's choices on that channel at once.
        builder.HasIndex(c => new { c.UnionId, c.Channel, c.Accepts });
        builder.HasOne(c => c.Person).WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
