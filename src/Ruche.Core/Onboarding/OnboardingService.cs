using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.Follows;
using Ruche.Core.People;
using Ruche.Core.Profiles;
using Ruche.Core.Spaces;

namespace Ruche.Core.Onboarding;

/// <summary>
/// The welcome path of a new person: each step changes their profile, spaces or follows through the services that own
/// them (<see cref="ProfileService"/>, <see cref="SpaceService"/>, <see cref="FollowService"/>) and moves them to the
/// next step; any step may be skipped; the last one, or dismissing the path, finishes it.
/// </summary>
public sealed class OnboardingService(
    RucheDbContext db, ProfileService profiles, SpaceService spaces, FollowService follows, TimeProvider time)
{
    /// <summary>The most spaces or people one step takes at once.</summary>
    public const int MaxChosen = 20;

    public async Task<OnboardingState> StateAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        var row = await db.People.Where(p => p.Id == viewer.PersonId)
            .Select(p => new { p.OnboardingStep, p.OnboardedAt, p.DisplayName, p.Handle, p.JobTitle, p.TimeZone, p.PhotoFileId })
            .SingleOrDefaultAsync(cancellationToken) ?? throw RucheException.NotFound("person.not-found", "No such person.");
        var step = OnboardingSteps.IsStep(row.OnboardingStep) ? row.OnboardingStep! : OnboardingSteps.Photo;
        return new OnboardingState(step, row.OnboardedAt is not null, row.DisplayName, row.Handle, row.JobTitle, row.TimeZone, row.PhotoFileId);
    }

    public Task SetPhotoAsync(Viewer viewer, Stream content, string? fileName, CancellationToken cancellationToken) =>
        InOneTransactionAsync(viewer, OnboardingSteps.Photo, () => profiles.SetPhotoAsync(viewer, content, fileName, cancellationToken), cancellationToken);

    public Task SetJobTitleAsync(Viewer viewer, string? jobTitle, CancellationToken cancellationToken) =>
        InOneTransactionAsync(
            viewer, OnboardingSteps.Job, () => profiles.UpdateAsync(viewer, viewer.PersonId, new ProfileUpdate(JobTitle: jobTitle ?? string.Empty), cancellationToken), cancellationToken);

    /// <summary>Sets the time zone; one that is not an IANA zone is refused (profile.time-zone-invalid) and nothing changes.</summary>
    public Task SetTimeZoneAsync(Viewer viewer, string? timeZone, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(timeZone) || !TimeZones.IsValid(timeZone))
        {
            throw RucheException.Invalid("profile.time-zone-invalid", $"'{timeZone}' is not an IANA time zone such as Europe/Paris.");
        }

        return InOneTransactionAsync(
            viewer, OnboardingSteps.TimeZone, () => profiles.UpdateAsync(viewer, viewer.PersonId, new ProfileUpdate(TimeZone: timeZone), cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Joins the chosen spaces: each must be company-wide and keep its members public, checked for all before joining
    /// any (onboarding.space-invalid); joining is <see cref="SpaceService.JoinAsync"/>'s, one space at a time.
    /// </summary>
    public async Task JoinSpacesAsync(Viewer viewer, IReadOnlyCollection<long> spaceIds, CancellationToken cancellationToken)
    {
        var ids = spaceIds.Distinct().ToList();
        if (ids.Count > MaxChosen)
        {
            throw RucheException.Invalid("onboarding.too-many", $"Choose at most {MaxChosen} at once.");
        }

        var joinable = await db.Spaces.Where(s => ids.Contains(s.Id) && s.IsCompanyWide() && !s.KeepsMembersPrivate()).CountAsync(cancellationToken);
        if (joinable != ids.Count)
        {
            throw RucheException.Invalid("onboarding.space-invalid", "Only open spaces are joined from the welcome path.");
        }

        foreach (var id in ids)
        {
            await spaces.JoinAsync(viewer, id, cancellationToken);
        }

        await AdvanceAsync(viewer, OnboardingSteps.Spaces, cancellationToken);
    }

    /// <summary>Follows the chosen people: each must be an active colleague other than oneself, checked for all first.</summary>
    public async Task FollowPeopleAsync(Viewer viewer, IReadOnlyCollection<long> personIds, CancellationToken cancellationToken)
    {
        var ids = personIds.Distinct().ToList();
        if (ids.Count > MaxChosen)
        {
            throw RucheException.Invalid("onboarding.too-many", $"Choose at most {MaxChosen} at once.");
        }

        var active = await db.People.Where(p => ids.Contains(p.Id) && p.IsActive && p.Id != viewer.PersonId).CountAsync(cancellationToken);
        if (active != ids.Count)
        {
            throw RucheException.Invalid("onboarding.person-invalid", "Only active colleagues are followed from the welcome path.");
        }

        foreach (var id in ids)
        {
            await follows.FollowPersonAsync(viewer, id, cancellationToken);
        }

        await AdvanceAsync(viewer, OnboardingSteps.People, cancellationToken);
    }

    /// <summary>Leaves a step as it is and goes to the next; skipping the last one finishes the path.</summary>
    public Task SkipAsync(Viewer viewer, string? step, CancellationToken cancellationToken)
    {
        if (!OnboardingSteps.IsStep(step))
        {
            throw RucheException.Invalid("onboarding.step-invalid", "No such step.");
        }

        return AdvanceAsync(viewer, step!, cancellationToken);
    }

    /// <summary>Finishes the path (its last step done, or dismissed from the home page): it is no longer offered.</summary>
    public async Task FinishAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        await db.People.Where(p => p.Id == viewer.PersonId && p.OnboardedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.OnboardedAt, now).SetProperty(p => p.OnboardingStep, OnboardingSteps.Goals), cancellationToken);
    }

    /// <summary>
    /// Colleagues to follow: their manager, the people who report to them, those who share their manager, then their
    /// department; active people only, not already followed, at most <paramref name="count"/>. Two SQL commands.
    /// </summary>
    public async Task<IReadOnlyList<ColleagueSuggestion>> SuggestedPeopleAsync(Viewer viewer, int count, CancellationToken cancellationToken)
    {
        var me = viewer.PersonId;
        var mine = await db.People.Where(p => p.Id == me).Select(p => new { p.ManagerId, p.DepartmentId }).SingleAsync(cancellationToken);
        var now = time.UtcNow();
        var rows = await db.People
            .Where(p => p.IsActive && p.Id != me && !db.PersonFollows.Any(f => f.FollowerId == me && f.FolloweeId == p.Id))
            .Where(p => p.Id == mine.ManagerId || p.ManagerId == me || (mine.ManagerId != null && p.ManagerId == mine.ManagerId)
                || (mine.DepartmentId != null && p.DepartmentId == mine.DepartmentId))
            .Select(p => new
            {
                Person = p,
                Tie = p.Id == mine.ManagerId ? PersonTie.Manager
                    : p.ManagerId == me ? PersonTie.Report
                    : mine.ManagerId != null && p.ManagerId == mine.ManagerId ? PersonTie.Team
                    : PersonTie.Department,
            })
            .OrderBy(p => p.Tie).ThenBy(p => p.Person.DisplayName).ThenBy(p => p.Person.Id)
            .Take(Math.Clamp(count, 1, MaxChosen))
            .Select(p => new { Person = PersonRefs.Of(p.Person, now), p.Tie })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new ColleagueSuggestion(r.Person, r.Tie)).ToList();
    }

    private async Task InOneTransactionAsync(Viewer viewer, string step, Func<Task> change, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await change();
        await AdvanceAsync(viewer, step, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Moves the person past <paramref name="step"/> (never back); past the last step, the path is finished.</summary>
    private async Task AdvanceAsync(Viewer viewer, string step, CancellationToken cancellationToken)
    {
        if (OnboardingSteps.After(step) is not { } next)
        {
            await FinishAsync(viewer, cancellationToken);
            return;
        }

        var at = await db.People.Where(p => p.Id == viewer.PersonId).Select(p => p.OnboardingStep).SingleAsync(cancellationToken);
        if (OnboardingSteps.IndexOf(next) > OnboardingSteps.IndexOf(at))
        {
            await db.People.Where(p => p.Id == viewer.PersonId).ExecuteUpdateAsync(s => s.SetProperty(p => p.OnboardingStep, next), cancellationToken);
        }
    }
}
