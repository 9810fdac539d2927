using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ruche.Core.Files;

/// <summary>
/// An uploaded file. Bytes live in the <see cref="IFileStore"/> under its id (and, for an image, its renditions); every
/// download is authorised. The id is random (122 bits, not time-ordered), so an address cannot be guessed.
/// </summary>
public sealed class StoredFile
{
    public Guid Id { get; set; }

    public long OwnerId { get; set; }

    /// <summary>The type detected from the content (never from the name); for an image, that of its fallback rendition.</summary>
    public required string ContentType { get; set; }

    /// <summary>Bytes of the main content: a document as uploaded; an image's feed-size rendition (JPEG or PNG).</summary>
    public long Length { get; set; }

    public required string FileName { get; set; }

    public DateTime CreatedAt { get; set; }

    public FilePurpose Purpose { get; set; }

    /// <summary>An image (decoded, re-encoded, shown inline) or a document (served as an attachment only).</summary>
    public FileKind Kind { get; set; }

    /// <summary>What the image shows, for readers who cannot see it (its <c>alt</c>); null when its author gave none.</summary>
    public string? AltText { get; set; }

    /// <summary>The renditions stored beside the main content (none for documents and for images uploaded before them).</summary>
    public FileRenditions Renditions { get; set; }

    /// <summary>Bytes the renditions take besides <see cref="Length"/>: the company's quota counts both.</summary>
    public long RenditionBytes { get; set; }

    /// <summary>An image's size in pixels once orientation is applied (of its largest kept rendition); null for documents.</summary>
    public int? Width { get; set; }

    public int? Height { get; set; }
}

public enum FileKind
{
    Image,
    Document,
}

/// <summary>What a file is for. Each feature that uploads adds its own value (one line each).</summary>
public enum FilePurpose
{
    PostImage,
    ProfilePhoto,

    /// <summary>A document no feature has taken yet (API clients upload before attaching): its uploader's alone.</summary>
    Document,
    LibraryFile,
    PostDocument,
    CommentDocument,
    PageAttachment,
}

/// <summary>The renditions an image has in the store, besides its main (feed-size, JPEG or PNG) content.</summary>
[Flags]
public enum FileRenditions
{
    None = 0,
    FeedWebp = 1,
    Thumb = 2,
    ThumbWebp = 4,

    /// <summary>The full-size image, re-encoded without metadata: only when the company keeps originals.</summary>
    Original = 8,
}

internal sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> builder)
    {
        builder.Property(f => f.ContentType).HasMaxLength(100);
        builder.Property(f => f.FileName).HasMaxLength(255);
        builder.Property(f => f.AltText).HasMaxLength(Common.Limits.ImageAltTextMaxLength);
        builder.Property(f => f.Purpose).HasConversion<string>().HasMaxLength(24);
        builder.Property(f => f.Kind).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(f => f.OwnerId);
    }
}
