using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ruche.Core.Ballots;

/// <summary>
/// The hash of a receipt whose ballot has been counted, written with its batch in shuffled order. It says "counted",
/// never what was chosen, and nothing links it to a person (the receipt code was shown to the voter once, not kept).
/// </summary>
public sealed class CountedReceipt
{
    public required string BoxKind { get; init; }

    public long BoxId { get; init; }

    public required byte[] ReceiptHash { get; init; }
}

internal sealed class CountedReceiptConfiguration : IEntityTypeConfiguration<CountedReceipt>
{
    public void Configure(EntityTypeBuilder<CountedReceipt> builder)
    {
        builder.HasKey(r => new { r.BoxKind, r.BoxId, r.ReceiptHash });
        builder.Property(r => r.BoxKind).HasMaxLength(32);
        builder.Property(r => r.ReceiptHash).HasMaxLength(32);
    }
}
