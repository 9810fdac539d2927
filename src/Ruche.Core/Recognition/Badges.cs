namespace Ruche.Core.Recognition;

/// <summary>
/// The badges, each earned by a meaningful act that someone else acknowledged — never by the volume of posting, never
/// by a streak. <see cref="BadgeAwarder"/> awards them; the badges page explains each with these thresholds.
/// </summary>
public static class Badges
{
    /// <summary>One of the person's ideas was accepted (or went further: in progress, done).</summary>
    public const string IdeaAccepted = "idea-accepted";

    /// <summary><see cref="HelpfulAnswersNeeded"/> of their comments were marked helpful by the authors of the posts.</summary>
    public const string HelpfulAnswers = "helpful-answers";

    /// <summary>A question's author chose one of their comments as its best answer.</summary>
    public const string BestAnswer = "best-answer";

    /// <summary>A suggestion they made on a colleague's goals was taken (added or in place of a goal).</summary>
    public const string SuggestionTaken = "suggestion-taken";

    /// <summary>Colleagues thanked them for <see cref="DistinctValuesNeeded"/> different company values.</summary>
    public const string ManyValues = "many-values";

    public const int HelpfulAnswersNeeded = 3;

    public const int DistinctValuesNeeded = 3;

    public static readonly IReadOnlyList<string> All = [IdeaAccepted, HelpfulAnswers, BestAnswer, SuggestionTaken, ManyValues];
}
