using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ruche.Core.People;
using Ruche.Core.Spaces;

namespace Ruche.Core.Recognition;

/// <summary>
/// A thank-you from one person to a colleague (<see cref="PersonId"/>) or to a team (<see cref="SpaceId"/>, a space of
/// the team kind, never a union's), for something they did, tied to one of the company's values. Read by everyone when
/// it thanks a person or an open team, otherwise by the team space's readers (<see cref="KudosSubject"/>).
/// </summary>
public sealed class Kudos
{
    public long Id { get; set; }

    public long GiverId { get; set; }

    public Person? Giver { get; set; }

    /// <summary>The colleague thanked; null when a team is.</summary>
    public long? PersonId { get; set; }

    public Person? Person { get; set; }

    /// <summary>The team thanked (a team space); null when a person is.</summary>
    public long? SpaceId { get; set; }

    public Space? Space { get; set; }

    public long ValueId { get; set; }

    public CompanyValue? Value { get; set; }

    /// <summary>What for, as written (plain text).</summary>
    public required string Message { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Set when a moderator hid it (a report upheld): then nobody reads it, anywhere; null while shown.</summary>
    public DateTime? HiddenAt { get; set; }

    /// <summary>The moderator's reason, told to the giver with the decision.</summary>
    public string? HiddenReason { get; set; }
}

internal sealed class KudosConfiguration : IEntityTypeConfiguration<Kudos>
{
    public void Configure(EntityTypeBuilder<Kudos> builder)
    {
        builder.ToTable("Kudos");
        builder.Property(k => k.Message).HasMaxLength(RecognitionInputs.MessageMaxLength);
        builder.Property(k => k.HiddenReason).HasMaxLength(Common.Limits.ModerationReasonMaxLength);
        builder.HasOne(k => k.Giver).WithMany().HasForeignKey(k => k.GiverId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(k => k.Person).WithMany().HasForeignKey(k => k.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(k => k.Space).WithMany().HasForeignKey(k => k.SpaceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(k => k.Value).WithMany().HasForeignKey(k => k.ValueId).OnDelete(DeleteBehavior.Restrict);

        // The wall (a month, newest first), a person's profile, a team's, what a giver gave lately (the rate limit),
        // and counts per value over a period (HR).
        builder.HasIndex(k => new { k.CreatedAt, k.Id });
        builder.HasIndex(k => new { k.PersonId, k.CreatedAt });
        builder.HasIndex(k => new { k.SpaceId, k.CreatedAt });
        builder.HasIndex(k => new { k.GiverId, k.CreatedAt });
        builder.HasIndex(k => new { k.ValueId, k.CreatedAt });
    }
}
