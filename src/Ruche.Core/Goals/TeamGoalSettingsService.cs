using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.Spaces;

namespace Ruche.Core.Goals;

/// <summary>A team space's goals settings: members read them, its owners and moderators change them.</summary>
public sealed class TeamGoalSettingsService(RucheDbContext db, SpaceService spaces)
{
    public async Task<TeamGoalSettingsView> GetAsync(Viewer viewer, long spaceId, CancellationToken cancellationToken)
    {
        var space = await spaces.GetReadableAsync(viewer, spaceId, "Only members read this space's settings.", cancellationToken);

        var settings = await db.TeamGoalSettings.AsNoTracking().SingleOrDefaultAsync(s => s.SpaceId == spaceId, cancellationToken) ?? new TeamGoalSettings();
        return new TeamGoalSettingsView(spaceId, settings.ReminderMinute, settings.WeeklyRecap);
    }

    public async Task<TeamGoalSettingsView> SetAsync(Viewer viewer, long spaceId, int? reminderMinute, bool? weeklyRecap, CancellationToken cancellationToken)
    {
        var space = await spaces.GetAsync(viewer, spaceId, cancellationToken);
        if (!space.CanModerate)
        {
            throw RucheException.Forbidden("space.moderators-only", "Only this space's owners and moderators change its settings.");
        }

        if (reminderMinute is < 0 or >= 24 * 60)
        {
            throw RucheException.Invalid("goals.reminder-invalid", "The reminder is a time of day (0 to 1439 minutes after midnight).");
        }

        var settings = await db.TeamGoalSettings.SingleOrDefaultAsync(s => s.SpaceId == spaceId, cancellationToken);
        if (settings is null)
        {
            settings = new TeamGoalSettings { SpaceId = spaceId };
            db.TeamGoalSettings.Add(settings);
        }

        settings.ReminderMinute = reminderMinute ?? settings.ReminderMinute;
        settings.WeeklyRecap = weeklyRecap ?? settings.WeeklyRecap;
        await db.SaveChangesAsync(cancellationToken);
        return new TeamGoalSettingsView(spaceId, settings.ReminderMinute, settings.WeeklyRecap);
    }

    /// <summary>The tag daily goals posts carry, company-wide (administrators); lists posted earlier keep theirs.</summary>
    public async Task<string> SetCompanyTagAsync(Viewer viewer, string? tag, CancellationToken cancellationToken)
    {
        if (!viewer.IsAdministrator)
        {
            throw RucheException.Forbidden("administrator-required", "Only administrators may do this.");
        }

        var normalized = Content.Tags.Normalize(tag) ?? throw RucheException.Invalid("goals.tag-invalid", "The goals tag is one word of letters, digits, '-' or '_'.");
        var settings = await db.CompanySettings.SingleOrDefaultAsync(cancellationToken);
        if (settings is null)
        {
            settings = new Access.CompanySettings();
            db.CompanySettings.Add(settings);
        }

        settings.GoalsTag = normalized;
        await db.SaveChangesAsync(cancellationToken);
        return normalized;
    }
}

public sealed record TeamGoalSettingsView(long SpaceId, int ReminderMinute, bool WeeklyRecap);
