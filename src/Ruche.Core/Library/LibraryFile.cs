using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ruche.Core.Files;
using Ruche.Core.People;
using Ruche.Core.Spaces;

namespace Ruche.Core.Library;

/// <summary>
/// A document of a space's library: a name and its versions (<see cref="LibraryFileVersion"/>), the latest shown in
/// lists, every one kept and downloadable. Read by whoever reads the space (<see cref="LibraryQueries"/>).
/// </summary>
public sealed class LibraryFile
{
    public long Id { get; set; }

    public long SpaceId { get; set; }

    public Space? Space { get; set; }

    /// <summary>Its folder; null at the library's root.</summary>
    public long? FolderId { get; set; }

    public LibraryFolder? Folder { get; set; }

    /// <summary>The name shown, the first version's file name.</summary>
    public required string Name { get; set; }

    /// <summary>Who added it (and may delete it).</summary>
    public long CreatedById { get; set; }

    public Person? CreatedBy { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>When its latest version came: lists sort by it.</summary>
    public DateTime UpdatedAt { get; set; }

    public List<LibraryFileVersion> Versions { get; set; } = [];
}

/// <summary>
/// One upload of a library file. <see cref="DownloadCount"/> counts downloads by others than its uploader, and only
/// the uploader sees it: no record says who downloaded, nor when.
/// </summary>
public sealed class LibraryFileVersion
{
    public long Id { get; set; }

    public long LibraryFileId { get; set; }

    public LibraryFile? File { get; set; }

    /// <summary>1 for the first upload, then 2, 3…</summary>
    public int Number { get; set; }

    /// <summary>The bytes, served by <c>/files/{id}</c> to whoever reads the space (<see cref="LibraryAttachments"/>).</summary>
    public Guid StoredFileId { get; set; }

    public StoredFile? Stored { get; set; }

    public long UploadedById { get; set; }

    public Person? UploadedBy { get; set; }

    public DateTime UploadedAt { get; set; }

    public int DownloadCount { get; set; }
}

internal sealed class LibraryFileConfiguration : IEntityTypeConfiguration<LibraryFile>
{
    public void Configure(EntityTypeBuilder<LibraryFile> builder)
    {
        builder.ToTable("LibraryFiles");
        builder.Property(f => f.Name).HasMaxLength(LibraryInputs.NameMaxLength);
        builder.HasOne(f => f.Space).WithMany().HasForeignKey(f => f.SpaceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(f => f.Folder).WithMany().HasForeignKey(f => f.FolderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(f => f.CreatedBy).WithMany().HasForeignKey(f => f.CreatedById).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(f => f.Versions).WithOne(v => v.File).HasForeignKey(v => v.LibraryFileId).OnDelete(DeleteBehavior.Cascade);

        // A folder's files by name, the root's files (folder null) of a space, a person's (export, erasure).
        builder.HasIndex(f => new { f.SpaceId, f.FolderId, f.Name });
        builder.HasIndex(f => f.FolderId);
        builder.HasIndex(f => f.CreatedById);
    }
}

internal sealed class LibraryFileVersionConfiguration : IEntityTypeConfiguration<LibraryFileVersion>
{
    public void Configure(EntityTypeBuilder<LibraryFileVersion> builder)
    {
        builder.ToTable("LibraryFileVersions");
        builder.HasIndex(v => new { v.LibraryFileId, v.Number }).IsUnique();
        builder.HasIndex(v => v.StoredFileId).IsUnique();
        builder.HasIndex(v => v.UploadedById);
        builder.HasOne(v => v.Stored).WithMany().HasForeignKey(v => v.StoredFileId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(v => v.UploadedBy).WithMany().HasForeignKey(v => v.UploadedById).OnDelete(DeleteBehavior.Cascade);
    }
}
