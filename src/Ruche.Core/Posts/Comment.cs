using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ruche.Core.People;

namespace Ruche.Core.Posts;

/// <summary>A comment on a post, or a reply to a top-level comment (one level only).</summary>
public sealed class Comment
{
    public long Id { get; set; }

    public long PostId { get; set; }

    public long? ParentCommentId { get; set; }

    public long AuthorId { get; set; }

    public Person? Author { get; set; }

    public required string Body { get; set; }

    public required string BodyHtml { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Set when a moderator hid it: then only its author and the post's moderators see it.</summary>
    public DateTime? HiddenAt { get; set; }

    /// <summary>Why a moderator hid it, told to its author.</summary>
    public string? HiddenReason { get; set; }
}

internal sealed class CommentConfiguration : IEntityTypeConfiguration<Comment>
{
    public void Configure(EntityTypeBuilder<Comment> builder)
    {
        builder.Property(c => c.Body).HasMaxLength(Common.Limits.CommentBodyMaxLength);
        builder.Property(c => c.HiddenReason).HasMaxLength(Common.Limits.ModerationReasonMaxLength);
        builder.HasIndex(c => new { c.PostId, c.Id });
        builder.HasIndex(c => c.CreatedAt);
        builder.HasOne<Post>().WithMany(p => p.Comments).HasForeignKey(c => c.PostId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.Author).WithMany().HasForeignKey(c => c.AuthorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Comment>().WithMany().HasForeignKey(c => c.ParentCommentId).OnDelete(DeleteBehavior.Cascade);
    }
}
