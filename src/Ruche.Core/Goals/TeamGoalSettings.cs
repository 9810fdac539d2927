using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ruche.Core.Spaces;

namespace Ruche.Core.Goals;

/// <summary>A team space's settings for the daily goals; a missing row means the defaults (09:00, weekly recap on).</summary>
public sealed class TeamGoalSettings
{
    public const int DefaultReminderMinute = 9 * 60;

    public long SpaceId { get; set; }

    /// <summary>Minutes after midnight, on each member's own clock, when the morning reminder goes out.</summary>
    public int ReminderMinute { get; set; } = DefaultReminderMinute;

    public bool WeeklyRecap { get; set; } = true;
}

internal sealed class TeamGoalSettingsConfiguration : IEntityTypeConfiguration<TeamGoalSettings>
{
    public void Configure(EntityTypeBuilder<TeamGoalSettings> builder)
    {
        builder.HasKey(s => s.SpaceId);
        builder.HasOne<Space>().WithOne().HasForeignKey<TeamGoalSettings>(s => s.SpaceId).OnDelete(DeleteBehavior.Cascade);
    }
}
