using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ruche.Core.Surveys;

/// <summary>
/// "One more respondent in this round and band", written by <see cref="SurveyBallotCounter"/> in a shuffled batch: a
/// random key (never a sequence), the round (the only date) and the band — never a person, an address or a time. It
/// is what thresholds count; the answers are apart and do not point to it.
/// </summary>
public sealed class SurveyResponse
{
    public Guid Id { get; init; }

    public long RoundId { get; init; }

    /// <summary>The respondent's department or site id when they answered, if the survey is cut by one; else null.</summary>
    public long? Band { get; init; }
}

/// <summary>One value of one answer (a Likert or eNPS score, a chosen option's index), under a random key.</summary>
public sealed class SurveyAnswer
{
    public Guid Id { get; init; }

    public long RoundId { get; init; }

    public long QuestionId { get; init; }

    public long? Band { get; init; }

    public int Value { get; init; }
}

/// <summary>A free-text answer, sealed at rest, dated only by its round and carrying no band (comments are company-wide).</summary>
public sealed class SurveyComment
{
    public Guid Id { get; init; }

    public long RoundId { get; init; }

    public long QuestionId { get; init; }

    public required byte[] Text { get; init; }

    /// <summary>SHA-256 of the commenter's reply code and the question (<see cref="SurveyReplies"/>); null when none was given.</summary>
    public byte[]? ReplyKeyHash { get; init; }
}

internal sealed class SurveyResponseConfiguration : IEntityTypeConfiguration<SurveyResponse>
{
    public void Configure(EntityTypeBuilder<SurveyResponse> builder)
    {
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.HasIndex(r => new { r.RoundId, r.Band });
        builder.HasOne<SurveyRound>().WithMany().HasForeignKey(r => r.RoundId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SurveyAnswerConfiguration : IEntityTypeConfiguration<SurveyAnswer>
{
    public void Configure(EntityTypeBuilder<SurveyAnswer> builder)
    {
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.HasIndex(a => new { a.RoundId, a.QuestionId, a.Band });
        builder.HasOne<SurveyRound>().WithMany().HasForeignKey(a => a.RoundId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SurveyCommentConfiguration : IEntityTypeConfiguration<SurveyComment>
{
    public void Configure(EntityTypeBuilder<SurveyComment> builder)
    {
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.HasIndex(c => new { c.RoundId, c.QuestionId });
        builder.Property(c => c.ReplyKeyHash).HasMaxLength(32);
        builder.HasIndex(c => c.ReplyKeyHash);
        builder.HasOne<SurveyRound>().WithMany().HasForeignKey(c => c.RoundId).OnDelete(DeleteBehavior.Cascade);
    }
}
