using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ruche.Core.People;

namespace Ruche.Core.Ideas;

/// <summary>One person's vote for an idea (one each; withdrawn by deleting it). Its time feeds the trend (votes of the last 14 days).</summary>
public sealed class IdeaVote
{
    public long IdeaId { get; set; }

    public long PersonId { get; set; }

    public DateTime CreatedAt { get; set; }
}

/// <summary>A normalised tag of an idea (as posts' tags are written).</summary>
public sealed class IdeaTag
{
    public long IdeaId { get; set; }

    public required string Tag { get; set; }
}

/// <summary>Someone who hears of an idea's status changes and comments: its author from the start, anyone who asks.</summary>
public sealed class IdeaFollow
{
    public long IdeaId { get; set; }

    public long PersonId { get; set; }
}

/// <summary>A comment under an idea, Markdown rendered like a post's.</summary>
public sealed class IdeaComment
{
    public long Id { get; set; }

    public long IdeaId { get; set; }

    public Idea? Idea { get; set; }

    public long AuthorId { get; set; }

    public Person? Author { get; set; }

    public required string Body { get; set; }

    public required string BodyHtml { get; set; }

    public DateTime CreatedAt { get; set; }
}

/// <summary>A status change, public on the idea's timeline: from, to, who carries it now and why.</summary>
public sealed class IdeaStatusChange
{
    public long Id { get; set; }

    public long IdeaId { get; set; }

    public Idea? Idea { get; set; }

    public IdeaStatus From { get; set; }

    public IdeaStatus To { get; set; }

    /// <summary>The person who carries the idea from now on.</summary>
    public long? OwnerId { get; set; }

    public Person? Owner { get; set; }

    /// <summary>Who decided (HR, an administrator or a moderator of its space): a public decision, signed.</summary>
    public long? DecidedById { get; set; }

    public Person? DecidedBy { get; set; }

    public required string Reason { get; set; }

    public DateTime At { get; set; }
}

internal sealed class IdeaPartsConfiguration :
    IEntityTypeConfiguration<IdeaVote>, IEntityTypeConfiguration<IdeaTag>, IEntityTypeConfiguration<IdeaFollow>,
    IEntityTypeConfiguration<IdeaComment>, IEntityTypeConfiguration<IdeaStatusChange>
{
    public void Configure(EntityTypeBuilder<IdeaVote> builder)
    {
        builder.ToTable("IdeaVotes");
        builder.HasKey(v => new { v.IdeaId, v.PersonId });
        builder.HasOne<Person>().WithMany().HasForeignKey(v => v.PersonId).OnDelete(DeleteBehavior.Cascade);

        // The trend counts an idea's recent votes; a person's votes for their export and their "voted" marks.
        builder.HasIndex(v => new { v.IdeaId, v.CreatedAt });
        builder.HasIndex(v => v.PersonId);
    }

    public void Configure(EntityTypeBuilder<IdeaTag> builder)
    {
        builder.ToTable("IdeaTags");
        builder.HasKey(t => new { t.IdeaId, t.Tag });
        builder.Property(t => t.Tag).HasMaxLength(Common.Limits.TagMaxLength);
        builder.HasIndex(t => new { t.Tag, t.IdeaId });
    }

    public void Configure(EntityTypeBuilder<IdeaFollow> builder)
    {
        builder.ToTable("IdeaFollows");
        builder.HasKey(f => new { f.IdeaId, f.PersonId });
        builder.HasOne<Idea>().WithMany().HasForeignKey(f => f.IdeaId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(f => f.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(f => f.PersonId);
    }

    public void Configure(EntityTypeBuilder<IdeaComment> builder)
    {
        builder.ToTable("IdeaComments");
        builder.Property(c => c.Body).HasMaxLength(Common.Limits.CommentBodyMaxLength);
        builder.HasOne(c => c.Idea).WithMany().HasForeignKey(c => c.IdeaId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.Author).WithMany().HasForeignKey(c => c.AuthorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.IdeaId, c.Id });
        builder.HasIndex(c => c.AuthorId);
    }

    public void Configure(EntityTypeBuilder<IdeaStatusChange> builder)
    {
        builder.ToTable("IdeaStatusChanges");
        builder.Property(c => c.From).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.To).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Reason).HasMaxLength(IdeaInputs.ReasonMaxLength);
        builder.HasOne(c => c.Idea).WithMany().HasForeignKey(c => c.IdeaId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.Owner).WithMany().HasForeignKey(c => c.OwnerId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(c => c.DecidedBy).WithMany().HasForeignKey(c => c.DecidedById).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(c => new { c.IdeaId, c.Id });
    }
}
