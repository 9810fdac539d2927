using Ruche.Core.Common;

namespace Ruche.Core.Surveys;

/// <summary>Checks a draft entirely before anything is written.</summary>
internal static class SurveyDraftValidation
{
    public static (string Title, string? Intro, List<SurveyQuestion> Questions) Check(SurveyDraft draft)
    {
        var title = (draft.Title ?? string.Empty).Trim();
        if (title.Length == 0 || title.Length > SurveyLimits.TitleMaxLength)
        {
            throw RucheException.Invalid("survey.title-invalid", $"A survey needs a title of 1 to {SurveyLimits.TitleMaxLength} characters.");
        }

        var intro = string.IsNullOrWhiteSpace(draft.Intro) ? null : draft.Intro.Trim();
        if (intro is { Length: > SurveyLimits.IntroMaxLength })
        {
            throw RucheException.Invalid("survey.intro-too-long", $"The introduction has at most {SurveyLimits.IntroMaxLength} characters.");
        }

        var drafts = draft.Questions ?? [];
        if (drafts.Count == 0 || drafts.Count > SurveyLimits.MaxQuestions)
        {
            throw RucheException.Invalid("survey.questions-count", $"A survey asks 1 to {SurveyLimits.MaxQuestions} questions.");
        }

        var questions = drafts.Select((q, i) => Question(q, i)).ToList();
        Thresholds(draft.ScoreThreshold ?? SurveyLimits.DefaultScoreThreshold, draft.CommentThreshold ?? SurveyLimits.DefaultCommentThreshold);
        Schedule(draft.RoundCount ?? 1, draft.RoundLengthDays ?? 14, draft.IntervalDays ?? 28);
        if (!draft.TargetsEveryone && (draft.DepartmentIds ?? []).Count + (draft.SiteIds ?? []).Count == 0)
        {
            throw RucheException.Invalid("survey.no-target", "Choose everyone, or at least one department or site.");
        }

        if (draft.Cut is { } cut && !Enum.IsDefined(cut))
        {
            throw RucheException.Invalid("survey.cut-invalid", "Results are cut by department, by site or not at all.");
        }

        return (title, intro, questions);
    }

    public static void Thresholds(int score, int comment)
    {
        if (score < SurveyLimits.MinimumThreshold || score > SurveyLimits.MaximumThreshold
            || comment < SurveyLimits.MinimumThreshold || comment > SurveyLimits.MaximumThreshold)
        {
            throw RucheException.Invalid("survey.threshold-invalid", $"Thresholds are between {SurveyLimits.MinimumThreshold} and {SurveyLimits.MaximumThreshold} respondents.");
        }
    }

    private static void Schedule(int rounds, int length, int interval)
    {
        if (rounds < 1 || rounds > SurveyLimits.MaxRounds || length < 1 || length > SurveyLimits.MaxRoundLengthDays
            || (rounds > 1 && (interval < length || interval > SurveyLimits.MaxIntervalDays)))
        {
            throw RucheException.Invalid("survey.schedule-invalid",
                $"1 to {SurveyLimits.MaxRounds} rounds of 1 to {SurveyLimits.MaxRoundLengthDays} days, each starting at least one round's length after the previous one.");
        }
    }

    private static SurveyQuestion Question(QuestionDraft draft, int position)
    {
        var text = (draft.Text ?? string.Empty).Trim();
        if (draft.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            throw RucheException.Invalid("survey.question-kind-invalid", "Each question is Likert, eNPS, single or multiple choice, or free text.");
        }

        if (text.Length == 0 || text.Length > SurveyLimits.QuestionMaxLength)
        {
            throw RucheException.Invalid("survey.question-invalid", $"Each question has 1 to {SurveyLimits.QuestionMaxLength} characters.");
        }

        var options = (draft.Options ?? []).Select(o => (o ?? string.Empty).Trim()).ToList();
        var choice = kind is SurveyQuestionKind.SingleChoice or SurveyQuestionKind.MultipleChoice;
        if (choice && (options.Count < SurveyLimits.MinOptions || options.Count > SurveyLimits.MaxOptions
            || options.Any(o => o.Length == 0 || o.Length > SurveyLimits.OptionMaxLength || o.Contains('\n', StringComparison.Ordinal))
            || options.Distinct(StringComparer.OrdinalIgnoreCase).Count() != options.Count))
        {
            throw RucheException.Invalid("survey.options-invalid", $"A choice question has {SurveyLimits.MinOptions} to {SurveyLimits.MaxOptions} different options of 1 to {SurveyLimits.OptionMaxLength} characters.");
        }

        return new SurveyQuestion { Position = position, Kind = kind, Text = text, Options = choice ? string.Join('\n', options) : string.Empty };
    }
}
