using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ruche.Core.Reporting;

/// <summary>
/// One access to the reporting channel: a referent reading or handling a case, the reporter following it, the system
/// anonymising it, or a change of referents. Append-only and hash-chained like the audit log (each hash covers the
/// entry and the one before), so an edited or removed line breaks the chain; no service edits or deletes one. Holds no
/// content and no network address.
/// </summary>
public sealed class ReportingAccess
{
    public long Id { get; set; }

    public DateTime At { get; set; }

    /// <summary>The case; null for a change of referents.</summary>
    public long? CaseId { get; set; }

    /// <summary>The referent or administrator who acted; null for the reporter and for the system.</summary>
    public long? ActorId { get; set; }

    public AccessActor Actor { get; set; }

    /// <summary>Stable name: "case.read", "case.message", "case.status", "referent.added"…</summary>
    public required string Action { get; set; }

    /// <summary>A short fact without content: the new status, or "person:42" for a referent change.</summary>
    public string? Detail { get; set; }

    public required string PreviousHash { get; set; }

    public required string Hash { get; set; }
}

public enum AccessActor
{
    Referent,
    Reporter,
    System,
    Administrator,
}

internal sealed class ReportingAccessConfiguration : IEntityTypeConfiguration<ReportingAccess>
{
    public void Configure(EntityTypeBuilder<ReportingAccess> builder)
    {
        builder.ToTable("ReportingAccessLog");
        builder.Property(a => a.Actor).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Action).HasMaxLength(32);
        builder.Property(a => a.Detail).HasMaxLength(64);
        builder.Property(a => a.PreviousHash).HasMaxLength(64);
        builder.Property(a => a.Hash).HasMaxLength(64);
        builder.HasIndex(a => new { a.CaseId, a.Id });
    }
}
