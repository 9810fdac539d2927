using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ruche.Core.People;

namespace Ruche.Core.Goals;

/// <summary>
/// A person's choice to show their goal history (the heat map of done goals and their streak) to whoever reads their
/// goals. Without this row the history is theirs alone: the routine must never become an activity score that
/// colleagues, managers or HR read (PRODUCT.md, "No surveillance").
/// </summary>
public sealed class GoalHistorySharing
{
    public long PersonId { get; set; }

    public DateTime SharedAt { get; set; }
}

internal sealed class GoalHistorySharingConfiguration : IEntityTypeConfiguration<GoalHistorySharing>
{
    public void Configure(EntityTypeBuilder<GoalHistorySharing> builder)
    {
        builder.HasKey(s => s.PersonId);
        builder.HasOne<Person>().WithOne().HasForeignKey<GoalHistorySharing>(s => s.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
