using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ruche.Core.Records;

/// <summary>What happened to a record, for its timeline: drafted, edited, submitted, approved, reopened, published.</summary>
public enum NegotiationStepKind
{
    Drafted,
    Edited,
    Submitted,
    Approved,
    Reopened,
    AllApproved,
    Published,
}

public sealed class NegotiationStep
{
    public long Id { get; set; }

    public long RecordId { get; set; }

    public NegotiationStepKind Kind { get; set; }

    public int Version { get; set; }

    /// <summary>The party that acted, when one did.</summary>
    public long? PartyId { get; set; }

    public DateTime At { get; set; }
}

internal sealed class NegotiationStepConfiguration : IEntityTypeConfiguration<NegotiationStep>
{
    public void Configure(EntityTypeBuilder<NegotiationStep> builder)
    {
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(s => new { s.RecordId, s.At });
    }
}
