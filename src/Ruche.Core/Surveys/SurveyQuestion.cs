using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ruche.Core.Surveys;

public sealed class SurveyQuestion
{
    public long Id { get; set; }

    public long SurveyId { get; set; }

    public int Position { get; set; }

    public SurveyQuestionKind Kind { get; set; }

    public required string Text { get; set; }

    /// <summary>The options of a choice question, one per line; empty for the others.</summary>
    public string Options { get; set; } = string.Empty;

    public IReadOnlyList<string> OptionList => Options.Length == 0 ? [] : Options.Split('\n');

    /// <summary>Every question but free text must be answered, so each score covers the round's whole group.</summary>
    public bool IsRequired => Kind != SurveyQuestionKind.Text;

    /// <summary>How many values an answer may take (Likert 1–5, eNPS 0–10, an option's index).</summary>
    public (int Min, int Max) Range => Kind switch
    {
        SurveyQuestionKind.Likert => (1, 5),
        SurveyQuestionKind.Enps => (0, 10),
        SurveyQuestionKind.SingleChoice or SurveyQuestionKind.MultipleChoice => (0, OptionList.Count - 1),
        _ => (0, -1),
    };
}

public enum SurveyQuestionKind
{
    Likert,
    Enps,
    SingleChoice,
    MultipleChoice,
    Text,
}

internal sealed class SurveyQuestionConfiguration : IEntityTypeConfiguration<SurveyQuestion>
{
    public void Configure(EntityTypeBuilder<SurveyQuestion> builder)
    {
        builder.Property(q => q.Text).HasMaxLength(SurveyLimits.QuestionMaxLength);
        builder.Property(q => q.Options).HasMaxLength(SurveyLimits.OptionsMaxLength);
        builder.Property(q => q.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Ignore(q => q.OptionList);
        builder.Ignore(q => q.Range);
        builder.HasIndex(q => new { q.SurveyId, q.Position });
    }
}
