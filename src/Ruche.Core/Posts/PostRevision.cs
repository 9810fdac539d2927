using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ruche.Core.Posts;

/// <summary>An earlier version of a post's text, kept when the post is edited so readers see what changed.</summary>
public sealed class PostRevision
{
    public long Id { get; set; }

    public long PostId { get; set; }

    public required string Body { get; set; }

    /// <summary>When this version was written (the post's creation or an earlier edit).</summary>
    public DateTime WrittenAt { get; set; }

    /// <summary>When it was replaced.</summary>
    public DateTime ReplacedAt { get; set; }
}

internal sealed class PostRevisionConfiguration : IEntityTypeConfiguration<PostRevision>
{
    public void Configure(EntityTypeBuilder<PostRevision> builder)
    {
        builder.Property(r => r.Body).HasMaxLength(Common.Limits.PostBodyMaxLength);
        builder.HasIndex(r => new { r.PostId, r.Id });
        builder.HasOne<Post>().WithMany(p => p.Revisions).HasForeignKey(r => r.PostId).OnDelete(DeleteBehavior.Cascade);
    }
}
