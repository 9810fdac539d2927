using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ruche.Core.Audit;

/// <summary>
/// One security- or governance-relevant event. Entries form a hash chain: each hash covers the entry and the
/// previous hash, so changing or removing any entry breaks every hash after it (<see cref="AuditLog.VerifyAsync"/>).
/// Never holds union relations or survey answers.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTime At { get; set; }

    /// <summary>Who did it; null for the system or an unknown caller (a failed sign-in for an unknown address).</summary>
    public long? ActorId { get; set; }

    /// <summary>Stable event name, e.g. "auth.sign-in", "role.changed".</summary>
    public required string Action { get; set; }

    /// <summary>What it was done to, e.g. "person:42", "post:7".</summary>
    public string? Target { get; set; }

    /// <summary>Short facts (JSON), never personal content.</summary>
    public string? Details { get; set; }

    public required string PreviousHash { get; set; }

    public required string Hash { get; set; }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(e => e.Action).HasMaxLength(64);
        builder.Property(e => e.Target).HasMaxLength(128);
        builder.Property(e => e.Details).HasMaxLength(2_000);
        builder.Property(e => e.PreviousHash).HasMaxLength(64);
        builder.Property(e => e.Hash).HasMaxLength(64);
        builder.HasIndex(e => e.At);
        builder.HasIndex(e => new { e.ActorId, e.Id });
    }
}
