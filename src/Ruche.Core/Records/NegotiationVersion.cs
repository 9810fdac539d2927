using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ruche.Core.Records;

/// <summary>One saved text of a negotiation record: who saved it (a direction person, or a union through its delegate) and when.</summary>
public sealed class NegotiationVersion
{
    public long Id { get; set; }

    public long RecordId { get; set; }

    public int Number { get; set; }

    public required string Title { get; set; }

    public required string Text { get; set; }

    /// <summary>Which party saved it: the union is named, never which of its delegates (ADR 15).</summary>
    public long? PartyId { get; set; }

    public DateTime SavedAt { get; set; }
}

internal sealed class NegotiationVersionConfiguration : IEntityTypeConfiguration<NegotiationVersion>
{
    public void Configure(EntityTypeBuilder<NegotiationVersion> builder)
    {
        builder.Property(v => v.Title).HasMaxLength(RecordsLimits.TitleMaxLength);
        builder.HasIndex(v => new { v.RecordId, v.Number }).IsUnique();
    }
}
