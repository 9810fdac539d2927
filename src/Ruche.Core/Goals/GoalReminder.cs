using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ruche.Core.People;

namespace Ruche.Core.Goals;

/// <summary>
/// The claim that a person's morning reminder for one local date was sent: inserted with the notification in one
/// transaction, and unique, so however many nodes run the scheduler, each person hears it once that day.
/// </summary>
public sealed class GoalReminder
{
    public long PersonId { get; set; }

    public DateOnly LocalDate { get; set; }
}

/// <summary>The claim that a team's weekly recap for the week starting on a Monday was posted (unique: once per week).</summary>
public sealed class WeeklyRecapClaim
{
    public long SpaceId { get; set; }

    public DateOnly WeekStart { get; set; }

    public long? PostId { get; set; }
}

internal sealed class GoalReminderConfiguration : IEntityTypeConfiguration<GoalReminder>
{
    public void Configure(EntityTypeBuilder<GoalReminder> builder)
    {
        builder.HasKey(r => new { r.PersonId, r.LocalDate });
        builder.HasOne<Person>().WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WeeklyRecapClaimConfiguration : IEntityTypeConfiguration<WeeklyRecapClaim>
{
    public void Configure(EntityTypeBuilder<WeeklyRecapClaim> builder)
    {
        builder.HasKey(r => new { r.SpaceId, r.WeekStart });
        builder.HasOne<Spaces.Space>().WithMany().HasForeignKey(r => r.SpaceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Posts.Post>().WithMany().HasForeignKey(r => r.PostId).OnDelete(DeleteBehavior.SetNull);
    }
}
