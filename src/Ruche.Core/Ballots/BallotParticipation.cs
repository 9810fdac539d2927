using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ruche.Core.Ballots;

/// <summary>
/// "This person has cast their ballot in this box": what refuses a second ballot and lets reminders skip those who
/// answered. It holds no choice, no time and no link to the ballot (see <see cref="BallotBox"/>).
/// </summary>
public sealed class BallotParticipation
{
    public required string BoxKind { get; init; }

    public long BoxId { get; init; }

    public long PersonId { get; init; }
}

internal sealed class BallotParticipationConfiguration : IEntityTypeConfiguration<BallotParticipation>
{
    public void Configure(EntityTypeBuilder<BallotParticipation> builder)
    {
        builder.HasKey(p => new { p.BoxKind, p.BoxId, p.PersonId });
        builder.Property(p => p.BoxKind).HasMaxLength(32);
        builder.HasIndex(p => p.PersonId);
    }
}
