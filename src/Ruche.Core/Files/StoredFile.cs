using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ruche.Core.Files;

/// <summary>An uploaded file. Bytes live in the <see cref="IFileStore"/>; every download is authorised.</summary>
public sealed class StoredFile
{
    public Guid Id { get; set; }

    public long OwnerId { get; set; }

    public required string ContentType { get; set; }

    public long Length { get; set; }

    public required string FileName { get; set; }

    public DateTime CreatedAt { get; set; }

    public FilePurpose Purpose { get; set; }

    /// <summary>What the image shows, for readers who cannot see it (its <c>alt</c>); null when its author gave none.</summary>
    public string? AltText { get; set; }
}

public enum FilePurpose
{
    PostImage,
    ProfilePhoto,
    PageAttachment,
}

internal sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> builder)
    {
        builder.Property(f => f.ContentType).HasMaxLength(64);
        builder.Property(f => f.FileName).HasMaxLength(255);
        builder.Property(f => f.AltText).HasMaxLength(Common.Limits.ImageAltTextMaxLength);
        builder.Property(f => f.Purpose).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(f => f.OwnerId);
    }
}
