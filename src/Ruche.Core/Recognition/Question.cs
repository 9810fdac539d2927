using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ruche.Core.Posts;

namespace Ruche.Core.Recognition;

/// <summary>
/// A post asked as a question (flagged when it is published), with the one comment its author chose as the best
/// answer, if any. It follows its post's read rule: whoever cannot read the post sees nothing of it.
/// </summary>
public sealed class Question
{
    public long PostId { get; set; }

    public Post? Post { get; set; }

    /// <summary>The best answer, chosen by the post's author; null while the question is unanswered.</summary>
    public long? BestCommentId { get; set; }

    public DateTime AskedAt { get; set; }
}

/// <summary>A comment the post's author marked helpful (several per post; reversible: unmarking deletes the row).</summary>
public sealed class HelpfulMark
{
    public long CommentId { get; set; }

    public long PostId { get; set; }

    public DateTime MarkedAt { get; set; }
}

internal sealed class QuestionConfiguration : IEntityTypeConfiguration<Question>
{
    public void Configure(EntityTypeBuilder<Question> builder)
    {
        builder.ToTable("Questions");
        builder.HasKey(q => q.PostId);
        builder.HasOne(q => q.Post).WithOne().HasForeignKey<Question>(q => q.PostId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Comment>().WithMany().HasForeignKey(q => q.BestCommentId).OnDelete(DeleteBehavior.SetNull);

        // The questions list (newest first, unanswered ones), and the best answers a person gave (badges).
        builder.HasIndex(q => new { q.AskedAt, q.PostId });
        builder.HasIndex(q => q.BestCommentId);
    }
}

internal sealed class HelpfulMarkConfiguration : IEntityTypeConfiguration<HelpfulMark>
{
    public void Configure(EntityTypeBuilder<HelpfulMark> builder)
    {
        builder.ToTable("HelpfulMarks");
        builder.HasKey(m => m.CommentId);
        builder.HasOne<Comment>().WithMany().HasForeignKey(m => m.CommentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.PostId, m.CommentId });
    }
}
