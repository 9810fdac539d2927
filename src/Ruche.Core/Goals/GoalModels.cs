using Ruche.Core.People;

namespace Ruche.Core.Goals;

/// <summary>One goal as written: a short line, optionally linked to a post, a web link or a person.</summary>
public sealed record GoalInput(string? Text, string? LinkUrl = null, long? LinkPostId = null, long? LinkPersonId = null);

/// <param name="PersonId">Whose goals: only the caller's own are accepted (null means the caller).</param>
/// <param name="Note">A line of context shown above the goals in the post.</param>
public sealed record NewGoals(IReadOnlyList<GoalInput>? Goals, string? Note = null, long? PersonId = null);

/// <summary>
/// A day's list as a reader sees it, with what the reader may do with it. It carries no figure (done out of set): each
/// goal shows its status, and only its owner sees their tally (<see cref="Mine"/>), so it never becomes a score.
/// </summary>
public sealed record GoalListView(
    long Id,
    long PostId,
    PersonRef Person,
    DateOnly LocalDate,
    DateTime ClosesAt,
    bool Closed,
    IReadOnlyList<GoalView> Goals,
    bool CanCheckOff,
    bool CanSuggest,
    bool Mine);

public sealed record GoalView(
    long Id,
    int Position,
    string Text,
    string? LinkUrl,
    long? LinkPostId,
    PersonRef? LinkPerson,
    GoalStatus Status,
    string? StatusNote,
    long? CarriedFromGoalId,
    long? FromSuggestionId,
    IReadOnlyList<SuggestionView> Suggestions);

public sealed record SuggestionView(long Id, long GoalId, PersonRef Author, string Text, string? Note, SuggestionStatus Status, DateTime CreatedAt);

/// <summary>The caller's own day: their local date, whether it is a working day for them, and their list if posted.</summary>
public sealed record MyGoalsDay(DateOnly LocalDate, bool IsWorkingDay, DateTime EndsAt, GoalListView? List, IReadOnlyList<GoalView> Unfinished);

public enum SuggestionAnswer
{
    /// <summary>The suggested goal takes the place of the goal it was attached to.</summary>
    Replace,

    /// <summary>The suggested goal is added to the list (within the three goals a day).</summary>
    Add,
    Decline,
}
