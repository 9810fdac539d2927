using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ruche.Core.People;
using Ruche.Core.Spaces;

namespace Ruche.Core.Records;

public enum NegotiationStatus
{
    Draft,
    Review,
    Approved,
    Published,
}

/// <summary>
/// A negotiation record between direction and the unions: co-edited by its named parties, approved by each of them, then
/// published at once to its audience (the whole company, or one space). Every save is a <see cref="NegotiationVersion"/>.
/// </summary>
public sealed class NegotiationRecord
{
    public long Id { get; set; }

    public required string Title { get; set; }

    public required string Subject { get; set; }

    /// <summary>The current text, Markdown; its HTML is rendered at save.</summary>
    public required string Text { get; set; }

    public required string TextHtml { get; set; }

    public NegotiationStatus Status { get; set; }

    /// <summary>The current version's number (1 at creation).</summary>
    public int Version { get; set; }

    /// <summary>Null: the whole company reads it once published.</summary>
    public long? AudienceSpaceId { get; set; }

    public Space? AudienceSpace { get; set; }

    public long? CreatedById { get; set; }

    public Person? CreatedBy { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? PublishedAt { get; set; }

    public List<NegotiationParty> Parties { get; set; } = [];

    public List<NegotiationVersion> Versions { get; set; } = [];

    public List<NegotiationStep> Steps { get; set; } = [];
}

internal sealed class NegotiationRecordConfiguration : IEntityTypeConfiguration<NegotiationRecord>
{
    public void Configure(EntityTypeBuilder<NegotiationRecord> builder)
    {
        builder.Property(r => r.Title).HasMaxLength(RecordsLimits.TitleMaxLength);
        builder.Property(r => r.Subject).HasMaxLength(RecordsLimits.SubjectMaxLength);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(r => new { r.Status, r.CreatedAt });
        builder.HasIndex(r => r.AudienceSpaceId);
        builder.HasOne(r => r.AudienceSpace).WithMany().HasForeignKey(r => r.AudienceSpaceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.CreatedBy).WithMany().HasForeignKey(r => r.CreatedById).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(r => r.Parties).WithOne(p => p.Record).HasForeignKey(p => p.RecordId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Versions).WithOne().HasForeignKey(v => v.RecordId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Steps).WithOne().HasForeignKey(s => s.RecordId).OnDelete(DeleteBehavior.Cascade);
    }
}
