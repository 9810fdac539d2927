using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ruche.Core.Bdese;

/// <summary>
/// One read of a BDESE item: who, which item and version, when, and how (the page, the API, a download). Appended in the
/// same transaction as the read is served from; no service, route or job changes or removes an entry. Readers of the
/// BDESE (representatives, delegates, direction) see the whole log: it is about the employer's data, not about anyone's
/// relation with a union.
/// </summary>
public sealed class BdeseRead
{
    public long Id { get; set; }

    public long ItemId { get; set; }

    public BdeseItem? Item { get; set; }

    public int VersionNumber { get; set; }

    public long ReaderId { get; set; }

    public DateTime At { get; set; }

    public BdeseReadWay Way { get; set; }
}

public enum BdeseReadWay
{
    Page,
    Api,
    Download,
}

internal sealed class BdeseReadConfiguration : IEntityTypeConfiguration<BdeseRead>
{
    public void Configure(EntityTypeBuilder<BdeseRead> builder)
    {
        builder.ToTable("BdeseReadLog");
        builder.Property(r => r.Way).HasConversion<string>().HasMaxLength(16);
        builder.HasOne(r => r.Item).WithMany().HasForeignKey(r => r.ItemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.ItemId, r.Id });
        builder.HasIndex(r => r.ReaderId);
    }
}
