using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ruche.Core.People;
using Ruche.Core.Spaces;

namespace Ruche.Core.Library;

/// <summary>
/// A folder of a space's file library, at its root when <see cref="ParentId"/> is null. Read by whoever reads the space
/// (<see cref="LibraryQueries"/>); renamed by whoever may post in it; deleted only when empty (<see cref="LibraryRights"/>).
/// </summary>
public sealed class LibraryFolder
{
    public long Id { get; set; }

    public long SpaceId { get; set; }

    public Space? Space { get; set; }

    public long? ParentId { get; set; }

    public required string Name { get; set; }

    public long CreatedById { get; set; }

    public Person? CreatedBy { get; set; }

    public DateTime CreatedAt { get; set; }
}

internal sealed class LibraryFolderConfiguration : IEntityTypeConfiguration<LibraryFolder>
{
    public void Configure(EntityTypeBuilder<LibraryFolder> builder)
    {
        builder.ToTable("LibraryFolders");
        builder.Property(f => f.Name).HasMaxLength(LibraryInputs.NameMaxLength);
        builder.HasOne(f => f.Space).WithMany().HasForeignKey(f => f.SpaceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(f => f.CreatedBy).WithMany().HasForeignKey(f => f.CreatedById).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<LibraryFolder>().WithMany().HasForeignKey(f => f.ParentId).OnDelete(DeleteBehavior.Restrict);

        // A space's folders (the whole tree is read at once, it is small), a folder's subfolders, a person's (export).
        builder.HasIndex(f => new { f.SpaceId, f.ParentId, f.Name });
        builder.HasIndex(f => f.ParentId);
        builder.HasIndex(f => f.CreatedById);
    }
}
