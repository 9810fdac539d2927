using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ruche.Core.People;
using Ruche.Core.Posts;

namespace Ruche.Core.Goals;

/// <summary>
/// A person's goals for one day of their own calendar, shown as a post tagged with the company's goals tag: people
/// comment and react on the post as on any other. One list per person and local date.
/// </summary>
public sealed class GoalList
{
    public long Id { get; set; }

    public long PersonId { get; set; }

    public Person? Person { get; set; }

    /// <summary>The day on the person's calendar (their profile time zone when they posted).</summary>
    public DateOnly LocalDate { get; set; }

    public long PostId { get; set; }

    public Post? Post { get; set; }

    /// <summary>The end of the person's working day: the list is closed from then on (no check-off, no suggestion).</summary>
    public DateTime ClosesAt { get; set; }

    public DateTime CreatedAt { get; set; }

    public List<Goal> Goals { get; set; } = [];
}

internal sealed class GoalListConfiguration : IEntityTypeConfiguration<GoalList>
{
    public void Configure(EntityTypeBuilder<GoalList> builder)
    {
        // One list a day, and a person's history by date.
        builder.HasIndex(l => new { l.PersonId, l.LocalDate }).IsUnique();

        // The team board: everyone's list for one date.
        builder.HasIndex(l => new { l.LocalDate, l.PersonId });
        builder.HasIndex(l => l.PostId).IsUnique();
        builder.HasOne(l => l.Person).WithMany().HasForeignKey(l => l.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(l => l.Post).WithMany().HasForeignKey(l => l.PostId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(l => l.Goals).WithOne().HasForeignKey(g => g.ListId).OnDelete(DeleteBehavior.Cascade);
    }
}
