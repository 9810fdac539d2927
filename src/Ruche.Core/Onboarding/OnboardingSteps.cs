namespace Ruche.Core.Onboarding;

/// <summary>The welcome path's steps, in order; each may be done or skipped, and the last one finishes the path.</summary>
public static class OnboardingSteps
{
    public const string Photo = "photo";
    public const string Job = "job";
    public const string TimeZone = "timezone";
    public const string Spaces = "spaces";
    public const string People = "people";
    public const string Goals = "goals";

    public static readonly IReadOnlyList<string> All = [Photo, Job, TimeZone, Spaces, People, Goals];

    public static bool IsStep(string? step) => step is not null && All.Contains(step, StringComparer.Ordinal);

    /// <summary>The step after <paramref name="step"/>; null after the last one.</summary>
    public static string? After(string step)
    {
        var at = IndexOf(step);
        return at + 1 < All.Count ? All[at + 1] : null;
    }

    /// <summary>The position of a step (0 for the first); an unknown step counts as the first.</summary>
    public static int IndexOf(string? step) => Math.Max(0, All.ToList().IndexOf(step ?? Photo));
}
