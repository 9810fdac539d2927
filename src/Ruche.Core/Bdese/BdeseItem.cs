using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ruche.Core.Bdese;

/// <summary>
/// One item of the BDESE under a theme and a year: a data table or a PDF document. It holds the current header (title,
/// confidentiality); every save writes a <see cref="BdeseVersion"/> with the whole content, and none is ever changed.
/// </summary>
public sealed class BdeseItem
{
    public long Id { get; set; }

    /// <summary>One of <see cref="BdeseThemes.All"/>.</summary>
    public required string Theme { get; set; }

    public int Year { get; set; }

    public BdeseItemKind Kind { get; set; }

    public required string Title { get; set; }

    /// <summary>Why the direction declared it confidential (art. L2312-36 and R2312-13); null when it is not.</summary>
    public string? ConfidentialReason { get; set; }

    /// <summary>The last day it is confidential: from the next day on it is an ordinary item.</summary>
    public DateOnly? ConfidentialUntil { get; set; }

    public int VersionCount { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public List<BdeseVersion> Versions { get; set; } = [];

    public bool IsConfidentialOn(DateOnly day) => ConfidentialReason is not null && ConfidentialUntil is { } until && day <= until;
}

public enum BdeseItemKind
{
    Table,
    Document,
}

internal sealed class BdeseItemConfiguration : IEntityTypeConfiguration<BdeseItem>
{
    public void Configure(EntityTypeBuilder<BdeseItem> builder)
    {
        builder.ToTable("BdeseItems");
        builder.Property(i => i.Theme).HasMaxLength(32);
        builder.Property(i => i.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.Title).HasMaxLength(BdeseInput.TitleMaxLength);
        builder.Property(i => i.ConfidentialReason).HasMaxLength(BdeseInput.ReasonMaxLength);
        builder.HasIndex(i => new { i.Theme, i.Year });
        builder.HasIndex(i => i.Year);
    }
}
