using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ruche.Core.Files;

namespace Ruche.Core.Posts;

public sealed class PostImage
{
    public long PostId { get; set; }

    public Guid FileId { get; set; }

    public int Position { get; set; }
}

internal sealed class PostImageConfiguration : IEntityTypeConfiguration<PostImage>
{
    public void Configure(EntityTypeBuilder<PostImage> builder)
    {
        builder.HasKey(i => new { i.PostId, i.FileId });
        builder.HasIndex(i => i.FileId);
        builder.HasOne<Post>().WithMany(p => p.Images).HasForeignKey(i => i.PostId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<StoredFile>().WithMany().HasForeignKey(i => i.FileId).OnDelete(DeleteBehavior.Cascade);
    }
}
