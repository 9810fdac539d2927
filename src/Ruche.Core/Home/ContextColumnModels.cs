using Ruche.Core.Events;
using Ruche.Core.Onboarding;
using Ruche.Core.People;

namespace Ruche.Core.Home;

/// <summary>What the context column shows the reader, each part read through its feature's read rule.</summary>
/// <param name="TimeZone">The reader's, to show times in.</param>
public sealed record ContextView(
    string TimeZone,
    TeamToday? Team,
    IReadOnlyList<EventSummary> Events,
    IReadOnlyList<SpaceSuggestion> Spaces);

/// <summary>The reader's team (their goals space) today: who wrote goals and who works from where.</summary>
public sealed record TeamToday(long SpaceId, string SpaceName, IReadOnlyList<TeamMateToday> Members)
{
    public IEnumerable<TeamMateToday> WithGoals => Members.Where(m => m.Goals is not null);

    public int Count(WhereToday where) => Members.Count(m => m.Where == where);

    public IEnumerable<TeamMateToday> At(WhereToday where) => Members.Where(m => m.Where == where);
}

/// <param name="Goals">
/// Their goals of the day, when they wrote some the reader may read: what they work on, never how many are done (no
/// tally, no score: PRODUCT "Law and trust"; GoalPrivacyTests reads the home page for one).
/// </param>
public sealed record TeamMateToday(PersonRef Person, GoalsToday? Goals, WhereToday Where);

/// <param name="First">The first goal's text.</param>
/// <param name="Count">How many goals they set (not how many are done).</param>
public sealed record GoalsToday(string First, int Count);

/// <summary>Where a team mate works from today, as their status says (none said: <see cref="Unsaid"/>).</summary>
public enum WhereToday
{
    Office,
    Remote,
    Away,
    Unsaid,
}
