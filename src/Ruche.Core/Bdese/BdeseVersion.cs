using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ruche.Core.Bdese;

/// <summary>
/// One saved state of an item, whole: its title, its confidentiality, and its table (JSON) or its PDF. Versions are
/// numbered from 1 and never changed or removed, so what representatives were shown on a date can be read back.
/// A PDF is kept in the row (at most <see cref="BdeseInput.DocumentMaxBytes"/>), never in the shared file store: the
/// only way to it is the BDESE's own download, which checks the reader and logs the read.
/// </summary>
public sealed class BdeseVersion
{
    public long Id { get; set; }

    public long ItemId { get; set; }

    public BdeseItem? Item { get; set; }

    public int Number { get; set; }

    public required string Title { get; set; }

    /// <summary>The table as JSON (<see cref="BdeseTable"/>), for a table item.</summary>
    public string? TableJson { get; set; }

    /// <summary>The PDF as uploaded, for a document item (stamped with the reader's name at download when confidential).</summary>
    public byte[]? Document { get; set; }

    public string? DocumentName { get; set; }

    public string? ConfidentialReason { get; set; }

    public DateOnly? ConfidentialUntil { get; set; }

    public long SavedById { get; set; }

    public DateTime SavedAt { get; set; }
}

internal sealed class BdeseVersionConfiguration : IEntityTypeConfiguration<BdeseVersion>
{
    public void Configure(EntityTypeBuilder<BdeseVersion> builder)
    {
        builder.ToTable("BdeseVersions");
        builder.Property(v => v.Title).HasMaxLength(BdeseInput.TitleMaxLength);
        builder.Property(v => v.DocumentName).HasMaxLength(255);
        builder.Property(v => v.ConfidentialReason).HasMaxLength(BdeseInput.ReasonMaxLength);
        builder.HasOne(v => v.Item).WithMany(i => i.Versions).HasForeignKey(v => v.ItemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(v => new { v.ItemId, v.Number }).IsUnique();
    }
}
