using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ruche.Core.People;
using Ruche.Core.Posts;

namespace Ruche.Core.Goals;

/// <summary>One line of a day's goals, optionally pointing at a post, a link or a person.</summary>
public sealed class Goal
{
    public long Id { get; set; }

    public long ListId { get; set; }

    /// <summary>Order in the list, from 0; a goal added from a suggestion goes last.</summary>
    public int Position { get; set; }

    public required string Text { get; set; }

    public string? LinkUrl { get; set; }

    public long? LinkPostId { get; set; }

    public long? LinkPersonId { get; set; }

    public GoalStatus Status { get; set; }

    /// <summary>The owner's optional word when checking off ("done, merged", "dropped: blocked by review").</summary>
    public string? StatusNote { get; set; }

    /// <summary>The goal of an earlier day this one continues (carried over).</summary>
    public long? CarriedFromGoalId { get; set; }

    /// <summary>The accepted suggestion this goal came from, shown beside it so the change stays visible.</summary>
    public long? FromSuggestionId { get; set; }
}

public enum GoalStatus
{
    Open,
    Done,
    Dropped,

    /// <summary>Replaced by an accepted suggestion: still shown, struck through, with the goal that took its place.</summary>
    Replaced,
}

internal sealed class GoalConfiguration : IEntityTypeConfiguration<Goal>
{
    public void Configure(EntityTypeBuilder<Goal> builder)
    {
        builder.Property(g => g.Text).HasMaxLength(Common.Limits.GoalMaxLength);
        builder.Property(g => g.LinkUrl).HasMaxLength(Common.Limits.GoalLinkMaxLength);
        builder.Property(g => g.StatusNote).HasMaxLength(Common.Limits.GoalNoteMaxLength);
        builder.Property(g => g.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(g => new { g.ListId, g.Position });
        builder.HasIndex(g => g.CarriedFromGoalId);
        builder.HasOne<Post>().WithMany().HasForeignKey(g => g.LinkPostId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Person>().WithMany().HasForeignKey(g => g.LinkPersonId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Goal>().WithMany().HasForeignKey(g => g.CarriedFromGoalId).OnDelete(DeleteBehavior.SetNull);
    }
}
