using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ruche.Core.Posts;

public sealed class PostTag
{
    public long PostId { get; set; }

    /// <summary>Normalised tag: lower case, without '#'.</summary>
    public required string Tag { get; set; }
}

internal sealed class PostTagConfiguration : IEntityTypeConfiguration<PostTag>
{
    public void Configure(EntityTypeBuilder<PostTag> builder)
    {
        builder.HasKey(t => new { t.PostId, t.Tag });
        builder.Property(t => t.Tag).HasMaxLength(Common.Limits.TagMaxLength);

        // The tag feed: one tag's posts newest first.
        builder.HasIndex(t => new { t.Tag, t.PostId });
        builder.HasOne<Post>().WithMany(p => p.Tags).HasForeignKey(t => t.PostId).OnDelete(DeleteBehavior.Cascade);
    }
}
