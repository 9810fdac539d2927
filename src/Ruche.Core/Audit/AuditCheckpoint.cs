using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ruche.Core.Audit;

/// <summary>
/// A seal over the audit chain up to <see cref="ThroughEntryId"/>, written before entries past their retention (sign-ins)
/// are removed, so the log stays verifiable (ADR 12). It records the chain head at that entry, which the next entry
/// still links to, and a digest of the entries it keeps, in id order; checkpoints chain to each other like entries.
/// The database lets an entry be deleted only when a checkpoint covers it and its action is one retention may remove.
/// </summary>
public sealed class AuditCheckpoint
{
    public long Id { get; set; }

    public DateTime At { get; set; }

    /// <summary>The last entry the seal covers (entries after the previous checkpoint's, up to this one).</summary>
    public long ThroughEntryId { get; set; }

    /// <summary>The hash of entry <see cref="ThroughEntryId"/> when sealed: where verification picks the chain up.</summary>
    public required string ChainHead { get; set; }

    /// <summary>SHA-256 of the kept entries' hashes, in id order, within the covered range.</summary>
    public required string KeptDigest { get; set; }

    public int KeptCount { get; set; }

    /// <summary>How many entries of the covered range retention removed (they are gone; the count stays).</summary>
    public int PrunedCount { get; set; }

    public required string PreviousHash { get; set; }

    public required string Hash { get; set; }
}

internal sealed class AuditCheckpointConfiguration : IEntityTypeConfiguration<AuditCheckpoint>
{
    public void Configure(EntityTypeBuilder<AuditCheckpoint> builder)
    {
        builder.Property(c => c.ChainHead).HasMaxLength(64);
        builder.Property(c => c.KeptDigest).HasMaxLength(64);
        builder.Property(c => c.PreviousHash).HasMaxLength(64);
        builder.Property(c => c.Hash).HasMaxLength(64);
        builder.HasIndex(c => c.ThroughEntryId).IsUnique();
    }
}
