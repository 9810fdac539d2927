using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ruche.Core.People;

namespace Ruche.Core.Moderation;

/// <summary>
/// A moderator's decision on reported content, with the reason the author is told of (a hidden or deleted piece of
/// content). It outlives the content it is about, so the author can still read why it was deleted.
/// </summary>
public sealed class ModerationDecision
{
    public long Id { get; set; }

    public ReportedContent Content { get; set; }

    public long ContentId { get; set; }

    /// <summary>The post, or the comment's post; none for a kudos.</summary>
    public long? PostId { get; set; }

    public long? SpaceId { get; set; }

    public long AuthorId { get; set; }

    public Person? Author { get; set; }

    public ModerationAction Action { get; set; }

    public required string Reason { get; set; }

    public long? DecidedById { get; set; }

    public DateTime DecidedAt { get; set; }
}

/// <summary>What a moderator does with reported content.</summary>
public enum ModerationAction
{
    /// <summary>Only its author and moderators still see it, marked hidden with the reason.</summary>
    Hide,

    /// <summary>Gone for everyone, as its author deleting it would.</summary>
    Delete,

    /// <summary>The reports were unfounded: the content stays as it is, and its author is not troubled.</summary>
    Dismiss,

    /// <summary>A hide reversed (on appeal or second thoughts): readers see the content again. Not a decision on reports.</summary>
    Restore,
}

internal sealed class ModerationDecisionConfiguration : IEntityTypeConfiguration<ModerationDecision>
{
    public void Configure(EntityTypeBuilder<ModerationDecision> builder)
    {
        builder.Property(d => d.Reason).HasMaxLength(Common.Limits.ModerationReasonMaxLength);
        builder.HasOne(d => d.Author).WithMany().HasForeignKey(d => d.AuthorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(d => d.DecidedById).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(d => d.AuthorId);
    }
}
