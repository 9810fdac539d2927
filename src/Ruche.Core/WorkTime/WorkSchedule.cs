using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ruche.Core.People;
using Ruche.Core.Spaces;

namespace Ruche.Core.WorkTime;

/// <summary>
/// A person's own working week and hours, read on their profile time zone, and the team space their daily goals go
/// to. A missing row means the defaults: Monday to Friday, 09:00–18:00, first team space.
/// </summary>
public sealed class WorkSchedule
{
    public const int DefaultStartMinute = 9 * 60;
    public const int DefaultEndMinute = 18 * 60;

    public long PersonId { get; set; }

    public WorkingDays Days { get; set; } = WorkingDays.MondayToFriday;

    /// <summary>Minutes after local midnight when the working day starts.</summary>
    public int StartMinute { get; set; } = DefaultStartMinute;

    /// <summary>Minutes after local midnight when the working day ends (after the start: no shift spans midnight).</summary>
    public int EndMinute { get; set; } = DefaultEndMinute;

    /// <summary>The team space chosen for daily goals; null: the person's first team space (<see cref="TeamSpaces"/>).</summary>
    public long? GoalsSpaceId { get; set; }
}

/// <summary>ISO days of the week as bits (Monday = 1 … Sunday = 64).</summary>
[Flags]
public enum WorkingDays
{
    None = 0,
    Monday = 1,
    Tuesday = 2,
    Wednesday = 4,
    Thursday = 8,
    Friday = 16,
    Saturday = 32,
    Sunday = 64,
    MondayToFriday = Monday | Tuesday | Wednesday | Thursday | Friday,
    All = MondayToFriday | Saturday | Sunday,
}

internal sealed class WorkScheduleConfiguration : IEntityTypeConfiguration<WorkSchedule>
{
    public void Configure(EntityTypeBuilder<WorkSchedule> builder)
    {
        builder.HasKey(s => s.PersonId);
        builder.HasOne<Person>().WithOne().HasForeignKey<WorkSchedule>(s => s.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Space>().WithMany().HasForeignKey(s => s.GoalsSpaceId).OnDelete(DeleteBehavior.SetNull);
    }
}
