using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ruche.Core.People;

namespace Ruche.Core.Goals;

/// <summary>
/// A colleague's "not a priority, look at X instead" on one goal. The owner accepts it (as a replacement of the goal or
/// as an extra goal) or declines it; either way it stays on the list for everyone who reads it.
/// </summary>
public sealed class GoalSuggestion
{
    public long Id { get; set; }

    public long GoalId { get; set; }

    public long AuthorId { get; set; }

    public Person? Author { get; set; }

    /// <summary>The goal suggested instead (or in addition).</summary>
    public required string Text { get; set; }

    /// <summary>Why, in a few words.</summary>
    public string? Note { get; set; }

    public SuggestionStatus Status { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? AnsweredAt { get; set; }
}

public enum SuggestionStatus
{
    Pending,

    /// <summary>Accepted: the suggested goal replaced the one it was attached to.</summary>
    Replaced,

    /// <summary>Accepted: the suggested goal was added to the list.</summary>
    Added,
    Declined,
}

internal sealed class GoalSuggestionConfiguration : IEntityTypeConfiguration<GoalSuggestion>
{
    public void Configure(EntityTypeBuilder<GoalSuggestion> builder)
    {
        builder.Property(s => s.Text).HasMaxLength(Common.Limits.GoalMaxLength);
        builder.Property(s => s.Note).HasMaxLength(Common.Limits.GoalNoteMaxLength);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(s => s.GoalId);
        builder.HasIndex(s => s.AuthorId);
        builder.HasOne<Goal>().WithMany().HasForeignKey(s => s.GoalId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(s => s.Author).WithMany().HasForeignKey(s => s.AuthorId).OnDelete(DeleteBehavior.Cascade);
    }
}
