using Ruche.Core.Common;
using Ruche.Core.Surveys;

namespace Ruche.Web.Surveys;

/// <summary>
/// The questions of the survey form, one a line, so the form works without scripts: a kind, a colon, the question,
/// then for a choice its options separated by "|" — "likert: Je me sens reconnu·e", "single: Site ? | Paris | Lyon".
/// </summary>
public static class QuestionLines
{
    private static readonly Dictionary<string, SurveyQuestionKind> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["likert"] = SurveyQuestionKind.Likert,
        ["enps"] = SurveyQuestionKind.Enps,
        ["single"] = SurveyQuestionKind.SingleChoice,
        ["multiple"] = SurveyQuestionKind.MultipleChoice,
        ["text"] = SurveyQuestionKind.Text,
    };

    public static List<QuestionDraft> Parse(string? lines)
    {
        var questions = new List<QuestionDraft>();
        foreach (var line in (lines ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || !Kinds.TryGetValue(line[..colon].Trim(), out var kind))
            {
                throw RucheException.Invalid("survey.question-line-invalid", "Each line starts with likert:, enps:, single:, multiple: or text:.");
            }

            var parts = line[(colon + 1)..].Split('|', StringSplitOptions.TrimEntries);
            questions.Add(new QuestionDraft(kind, parts[0], parts.Skip(1).Where(p => p.Length > 0).ToList()));
        }

        return questions;
    }

    public static string Format(SurveyQuestionKind kind) => Kinds.First(k => k.Value == kind).Key;
}
