namespace Ruche.Core.Goals;

/// <summary>
/// What a team did in a week, as its weekly recap tells it: the goals achieved, those dropped (blocked, with the word
/// their owner left) and the suggestions taken. About the team's work only: no name, no count or ratio per person.
/// </summary>
public sealed record WeeklyRecap(
    DateOnly WeekStart,
    IReadOnlyList<string> Achieved,
    IReadOnlyList<BlockedGoal> Blocked,
    IReadOnlyList<string> SuggestionsTaken,
    string GoalsTag)
{
    /// <summary>Most lines a section lists; the rest is said as "and N more".</summary>
    public const int MaxLines = 20;
}

public sealed record BlockedGoal(string Text, string? Note);

/// <summary>
/// Writes a recap as the Markdown of its post, in the company's language (the host holds the texts). Goal texts are
/// quoted as written, escaped (<see cref="Content.MarkdownContent.Escape"/>).
/// </summary>
public interface IWeeklyRecapWriter
{
    string Write(WeeklyRecap recap);
}
