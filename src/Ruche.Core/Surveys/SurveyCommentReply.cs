using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ruche.Core.Surveys;

/// <summary>
/// A reply in a comment's thread: by someone who reads the results (named), or by the comment's writer (no author —
/// they proved they hold the reply code, and nothing of who they are is kept). Dated to the day, sealed at rest.
/// </summary>
public sealed class SurveyCommentReply
{
    public Guid Id { get; init; }

    public Guid CommentId { get; init; }

    /// <summary>Its place in the thread.</summary>
    public int Position { get; init; }

    /// <summary>The person who replied for HR; null when the comment's writer answered.</summary>
    public long? AuthorId { get; init; }

    public required byte[] Text { get; init; }

    public DateOnly PostedOn { get; init; }
}

internal sealed class SurveyCommentReplyConfiguration : IEntityTypeConfiguration<SurveyCommentReply>
{
    public void Configure(EntityTypeBuilder<SurveyCommentReply> builder)
    {
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.HasIndex(r => new { r.CommentId, r.Position }).IsUnique();
        builder.HasIndex(r => r.AuthorId);
        builder.HasOne<SurveyComment>().WithMany().HasForeignKey(r => r.CommentId).OnDelete(DeleteBehavior.Cascade);
    }
}
