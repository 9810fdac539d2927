using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ruche.Core.Reporting;

/// <summary>A message on a case, from the reporter or from a referent; its text sealed. Erased with the case's texts.</summary>
public sealed class ReportingMessage
{
    public long Id { get; set; }

    public long CaseId { get; set; }

    /// <summary>The referent who wrote it; null when the reporter did.</summary>
    public long? ReferentId { get; set; }

    public required byte[] SealedText { get; set; }

    public DateTime At { get; set; }
}

internal sealed class ReportingMessageConfiguration : IEntityTypeConfiguration<ReportingMessage>
{
    public void Configure(EntityTypeBuilder<ReportingMessage> builder)
    {
        builder.ToTable("ReportingMessages");
        builder.HasIndex(m => new { m.CaseId, m.Id });
    }
}
