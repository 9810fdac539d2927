using Ruche.Core.People;

namespace Ruche.Core.Onboarding;

/// <summary>Where a person stands on the welcome path, and the profile fields its steps fill in.</summary>
/// <param name="Step">The step to show next (<see cref="OnboardingSteps"/>).</param>
/// <param name="Done">They finished or dismissed the path.</param>
public sealed record OnboardingState(string Step, bool Done, string DisplayName, string Handle, string? JobTitle, string TimeZone, Guid? PhotoFileId)
{
    public int StepNumber => OnboardingSteps.IndexOf(Step) + 1;
}

/// <summary>An open space suggested to a newcomer: <paramref name="Near"/> when people of their department or site belong to it.</summary>
public sealed record SpaceSuggestion(long Id, string Name, string? Description, int MemberCount, int RecentPosts, bool Near);

/// <summary>Why a person is suggested to follow: how they stand to the reader in the organisation.</summary>
public enum PersonTie
{
    Manager,
    Report,
    Team,
    Department,
}

public sealed record ColleagueSuggestion(PersonRef Person, PersonTie Tie);
