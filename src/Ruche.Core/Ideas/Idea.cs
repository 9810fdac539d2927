using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ruche.Core.People;
using Ruche.Core.Spaces;

namespace Ruche.Core.Ideas;

/// <summary>
/// An idea for the company, company-wide when it has no space, otherwise read by whoever reads its space
/// (<see cref="IdeaQueries.VisibleTo"/>). HR, administrators and, for an idea in a space, its moderators triage it
/// (<see cref="IdeaRights"/>); every status change is kept (<see cref="IdeaStatusChange"/>) with its owner and reason.
/// </summary>
public sealed class Idea
{
    public long Id { get; set; }

    /// <summary>The space it was proposed in; null for a company-wide idea.</summary>
    public long? SpaceId { get; set; }

    public Space? Space { get; set; }

    public long AuthorId { get; set; }

    public Person? Author { get; set; }

    public required string Title { get; set; }

    /// <summary>Markdown as written.</summary>
    public required string Description { get; set; }

    /// <summary>Sanitised HTML rendered from <see cref="Description"/> at write time, like a post's.</summary>
    public required string DescriptionHtml { get; set; }

    public IdeaStatus Status { get; set; }

    /// <summary>Who carries it now (the owner named by the last status change).</summary>
    public long? OwnerId { get; set; }

    public Person? Owner { get; set; }

    /// <summary>How many people vote for it: kept with each vote, so lists sort and page by it with an index.</summary>
    public int VoteCount { get; set; }

    public int CommentCount { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? StatusChangedAt { get; set; }

    public List<IdeaTag> Tags { get; set; } = [];

    public List<IdeaVote> Votes { get; set; } = [];
}

/// <summary>Where an idea stands: new → under review → accepted → in progress → done, or declined.</summary>
public enum IdeaStatus
{
    New,
    UnderReview,
    Accepted,
    InProgress,
    Done,
    Declined,
}

internal sealed class IdeaConfiguration : IEntityTypeConfiguration<Idea>
{
    public void Configure(EntityTypeBuilder<Idea> builder)
    {
        builder.ToTable("Ideas");
        builder.Property(i => i.Title).HasMaxLength(IdeaInputs.TitleMaxLength);
        builder.Property(i => i.Description).HasMaxLength(IdeaInputs.DescriptionMaxLength);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasOne(i => i.Space).WithMany().HasForeignKey(i => i.SpaceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(i => i.Author).WithMany().HasForeignKey(i => i.AuthorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(i => i.Owner).WithMany().HasForeignKey(i => i.OwnerId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(i => i.Tags).WithOne().HasForeignKey(t => t.IdeaId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(i => i.Votes).WithOne().HasForeignKey(v => v.IdeaId).OnDelete(DeleteBehavior.Cascade);

        // The lists: by recency, by votes, per status (each by recency or votes), per space, and a person's own.
        builder.HasIndex(i => new { i.VoteCount, i.Id });
        builder.HasIndex(i => new { i.Status, i.Id });
        builder.HasIndex(i => new { i.Status, i.VoteCount, i.Id });
        builder.HasIndex(i => new { i.SpaceId, i.Id });
        builder.HasIndex(i => new { i.AuthorId, i.Id });
    }
}
