namespace Ruche.Core.Surveys;

/// <summary>A survey as HR writes it, before it opens.</summary>
public sealed record SurveyDraft(
    string? Title,
    string? Intro,
    IReadOnlyList<QuestionDraft>? Questions,
    bool TargetsEveryone,
    IReadOnlyList<long>? DepartmentIds,
    IReadOnlyList<long>? SiteIds,
    SurveyCut? Cut,
    int? ScoreThreshold,
    int? CommentThreshold,
    int? RoundCount,
    int? RoundLengthDays,
    int? IntervalDays);

/// <param name="Options">The options of a choice question (2 to 20).</param>
public sealed record QuestionDraft(SurveyQuestionKind? Kind, string? Text, IReadOnlyList<string>? Options);

/// <param name="Values">A Likert or eNPS score, or the indexes of the chosen options.</param>
public sealed record AnswerInput(long QuestionId, IReadOnlyList<int>? Values, string? Text);
