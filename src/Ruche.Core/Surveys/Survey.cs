using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ruche.Core.Surveys;

/// <summary>
/// A pulse survey built by HR. Everything that decides who answers and what may be shown — questions, targets, the
/// reporting cut and thresholds, the schedule — is frozen once it opens (<see cref="OpenedAt"/>), so respondents read
/// the rules they answer under and nobody can lower a threshold after the answers are in.
/// </summary>
public sealed class Survey
{
    public long Id { get; set; }

    public required string Title { get; set; }

    public string? Intro { get; set; }

    public long CreatedById { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Null while a draft; set once, when the survey opens.</summary>
    public DateTime? OpenedAt { get; set; }

    /// <summary>The fewest respondents a score of the company or a group is shown for (k, at least 5).</summary>
    public int ScoreThreshold { get; set; } = SurveyLimits.DefaultScoreThreshold;

    /// <summary>The fewest respondents of a round its free-text comments are shown for.</summary>
    public int CommentThreshold { get; set; } = SurveyLimits.DefaultCommentThreshold;

    /// <summary>The one coarse band results are broken down by, chosen before opening.</summary>
    public SurveyCut Cut { get; set; }

    public bool TargetsEveryone { get; set; } = true;

    public DateTime FirstOpensAt { get; set; }

    public int RoundCount { get; set; } = 1;

    public int RoundLengthDays { get; set; } = 14;

    public int IntervalDays { get; set; } = 28;

    public List<SurveyQuestion> Questions { get; set; } = [];

    public List<SurveyTarget> Targets { get; set; } = [];

    public List<SurveyRound> Rounds { get; set; } = [];

    public bool IsOpened => OpenedAt is not null;
}

/// <summary>The band results are broken down by. One per survey: two crossing cuts let one subtract intersections (ADR 17).</summary>
public enum SurveyCut
{
    None,
    Department,
    Site,
}

internal sealed class SurveyConfiguration : IEntityTypeConfiguration<Survey>
{
    public void Configure(EntityTypeBuilder<Survey> builder)
    {
        builder.Property(s => s.Title).HasMaxLength(SurveyLimits.TitleMaxLength);
        builder.Property(s => s.Intro).HasMaxLength(SurveyLimits.IntroMaxLength);
        builder.Property(s => s.Cut).HasConversion<string>().HasMaxLength(16);
        builder.HasMany(s => s.Questions).WithOne().HasForeignKey(q => q.SurveyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Targets).WithOne().HasForeignKey(t => t.SurveyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Rounds).WithOne().HasForeignKey(r => r.SurveyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.CreatedAt);
    }
}
