using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ruche.Core.People;
using Ruche.Core.Spaces;

namespace Ruche.Core.Posts;

/// <summary>
/// A post in a space, or on its author's profile when <see cref="SpaceId"/> is null. Feeds page on
/// (<see cref="CreatedAt"/>, <see cref="Id"/>), newest first: imported or seeded posts do not get ids in date order.
/// </summary>
public sealed class Post
{
    public long Id { get; set; }

    /// <summary>The person who wrote it; null for a post Ruche writes itself (<see cref="Origin"/> says which).</summary>
    public long? AuthorId { get; set; }

    public Person? Author { get; set; }

    public long? SpaceId { get; set; }

    public Space? Space { get; set; }

    /// <summary>Markdown as written.</summary>
    public required string Body { get; set; }

    /// <summary>Sanitised HTML rendered from <see cref="Body"/> at write time.</summary>
    public required string BodyHtml { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Who speaks: a person, or Ruche itself (a team's weekly recap), shown as such and never as a colleague.</summary>
    public PostOrigin Origin { get; set; }

    public DateTime? EditedAt { get; set; }

    public DateTime? PinnedAt { get; set; }

    /// <summary>The post this one shares (with this post's body as the comment).</summary>
    public long? SharedPostId { get; set; }

    public Post? SharedPost { get; set; }

    /// <summary>True for a share, even once the shared post is gone (then <see cref="SharedPostId"/> is null).</summary>
    public bool IsShare { get; set; }

    /// <summary>Set when a moderator hid it: then only its author and its space's moderators read it (<see cref="PostSubject"/>).</summary>
    public DateTime? HiddenAt { get; set; }

    /// <summary>Why a moderator hid it, told to its author.</summary>
    public string? HiddenReason { get; set; }

    public List<PostTag> Tags { get; set; } = [];

    public List<PostMention> Mentions { get; set; } = [];

    public List<PostImage> Images { get; set; } = [];

    public List<PostRevision> Revisions { get; set; } = [];

    public List<Comment> Comments { get; set; } = [];

    public List<Reaction> Reactions { get; set; } = [];
}

internal sealed class PostConfiguration : IEntityTypeConfiguration<Post>
{
    public void Configure(EntityTypeBuilder<Post> builder)
    {
        builder.Property(p => p.Body).HasMaxLength(Common.Limits.PostBodyMaxLength);
        builder.Property(p => p.HiddenReason).HasMaxLength(Common.Limits.ModerationReasonMaxLength);
        builder.HasOne(p => p.Author).WithMany().HasForeignKey(p => p.AuthorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(p => p.Space).WithMany().HasForeignKey(p => p.SpaceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(p => p.SharedPost).WithMany().HasForeignKey(p => p.SharedPostId).OnDelete(DeleteBehavior.SetNull);

        builder.Property(p => p.Origin).HasConversion<string>().HasMaxLength(32);

        // Feed indexes, in the feeds' order (created time, then id): every post newest first (the home and company
        // feeds; retention finds what is past its time by the same index), a space's posts, a person's posts, a
        // space's pinned posts.
        builder.HasIndex(p => new { p.CreatedAt, p.Id });
        builder.HasIndex(p => new { p.SpaceId, p.CreatedAt, p.Id });
        builder.HasIndex(p => new { p.AuthorId, p.CreatedAt, p.Id });
        builder.HasIndex(p => new { p.SpaceId, p.PinnedAt });
        builder.HasIndex(p => p.SharedPostId);

        // The influence graph reads every visible post's author and space once per run (PostsActsAreAbout): from this
        // index alone, never a post's text.
        builder.HasIndex(p => new { p.HiddenAt, p.AuthorId, p.SpaceId });
    }
}

/// <summary>Who a post speaks for.</summary>
public enum PostOrigin
{
    /// <summary>Its author, a person.</summary>
    Person,

    /// <summary>Ruche, summing up a team's week in its team space (<c>Goals/WeeklyRecapService</c>).</summary>
    WeeklyRecap,

    /// <summary>Its author's editing session of a co-written page, folded into one entry (<c>Wiki/WikiService</c>, ADR 25).</summary>
    PageUpdate,
}
