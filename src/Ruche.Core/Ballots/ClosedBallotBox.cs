using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ruche.Core.Ballots;

/// <summary>A box that counted its last ballots: it takes no more (a vote racing its closing is refused, never left waiting).</summary>
public sealed class ClosedBallotBox
{
    public required string BoxKind { get; init; }

    public long BoxId { get; init; }
}

internal sealed class ClosedBallotBoxConfiguration : IEntityTypeConfiguration<ClosedBallotBox>
{
    public void Configure(EntityTypeBuilder<ClosedBallotBox> builder)
    {
        builder.HasKey(b => new { b.BoxKind, b.BoxId });
        builder.Property(b => b.BoxKind).HasMaxLength(32);
    }
}
