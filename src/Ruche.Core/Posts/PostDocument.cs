using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ruche.Core.Files;

namespace Ruche.Core.Posts;

/// <summary>A document (PDF, office file, text, archive…) attached to a post, listed under it in its order.</summary>
public sealed class PostDocument
{
    public long PostId { get; set; }

    public Post? Post { get; set; }

    public Guid FileId { get; set; }

    public int Position { get; set; }
}

/// <summary>A document attached to a comment; read by whoever reads the comment's post.</summary>
public sealed class CommentDocument
{
    public long CommentId { get; set; }

    public Comment? Comment { get; set; }

    public Guid FileId { get; set; }

    public int Position { get; set; }
}

/// <summary>A document as a post or comment lists it: its name, kind and size; downloaded from <c>/files/{id}</c>.</summary>
public sealed record AttachedDocument(Guid Id, string FileName, string ContentType, long Length);

internal sealed class PostDocumentConfiguration : IEntityTypeConfiguration<PostDocument>
{
    public void Configure(EntityTypeBuilder<PostDocument> builder)
    {
        builder.ToTable("PostDocuments");
        builder.HasKey(d => new { d.PostId, d.FileId });
        builder.HasIndex(d => d.FileId).IsUnique();
        builder.HasOne(d => d.Post).WithMany().HasForeignKey(d => d.PostId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<StoredFile>().WithMany().HasForeignKey(d => d.FileId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CommentDocumentConfiguration : IEntityTypeConfiguration<CommentDocument>
{
    public void Configure(EntityTypeBuilder<CommentDocument> builder)
    {
        builder.ToTable("CommentDocuments");
        builder.HasKey(d => new { d.CommentId, d.FileId });
        builder.HasIndex(d => d.FileId).IsUnique();
        builder.HasOne(d => d.Comment).WithMany().HasForeignKey(d => d.CommentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<StoredFile>().WithMany().HasForeignKey(d => d.FileId).OnDelete(DeleteBehavior.Cascade);
    }
}
