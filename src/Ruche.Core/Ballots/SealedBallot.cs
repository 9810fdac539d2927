using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ruche.Core.Ballots;

/// <summary>
/// A ballot waiting to be mixed: its content sealed with the key kept outside the database and padded to a fixed
/// size, under a random id. No person, no time. It is deleted when its batch is counted.
/// </summary>
public sealed class SealedBallot
{
    public Guid Id { get; init; }

    public required string BoxKind { get; init; }

    public long BoxId { get; init; }

    public required byte[] Content { get; init; }
}

internal sealed class SealedBallotConfiguration : IEntityTypeConfiguration<SealedBallot>
{
    public void Configure(EntityTypeBuilder<SealedBallot> builder)
    {
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.BoxKind).HasMaxLength(32);
        builder.HasIndex(b => new { b.BoxKind, b.BoxId });
    }
}
