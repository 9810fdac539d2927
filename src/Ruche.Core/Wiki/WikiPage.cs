using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ruche.Core.People;
using Ruche.Core.Spaces;

namespace Ruche.Core.Wiki;

/// <summary>
/// A co-written page in a space, read by whoever reads the space (<see cref="WikiPageSubject"/>) and edited by whoever
/// may post there (<see cref="WikiRights"/>). It holds its latest text; every save is a <see cref="WikiRevision"/>
/// numbered 1, 2, 3… and <see cref="Number"/> is the latest's: a save lands only if the number it started from is
/// still the latest (compare-and-swap, <see cref="WikiService.SaveAsync"/>), otherwise it is merged first.
/// </summary>
public sealed class WikiPage
{
    public long Id { get; set; }

    public long SpaceId { get; set; }

    public Space? Space { get; set; }

    /// <summary>The page it sits under (same space), for the breadcrumb and the children list.</summary>
    public long? ParentId { get; set; }

    public WikiPage? Parent { get; set; }

    public required string Title { get; set; }

    /// <summary>Unique in its space; the address reads <c>/spaces/{space}/pages/{slug}</c> (or the id).</summary>
    public required string Slug { get; set; }

    /// <summary>Markdown of the latest revision.</summary>
    public required string Text { get; set; }

    /// <summary>Sanitised HTML rendered from <see cref="Text"/> at save time.</summary>
    public required string Html { get; set; }

    /// <summary>The latest revision's number: the concurrency token of a save.</summary>
    public int Number { get; set; }

    /// <summary>A template of the space: offered when a page is created there.</summary>
    public bool IsTemplate { get; set; }

    public long CreatedById { get; set; }

    public Person? CreatedBy { get; set; }

    public DateTime CreatedAt { get; set; }

    public long UpdatedById { get; set; }

    public Person? UpdatedBy { get; set; }

    public DateTime UpdatedAt { get; set; }

    public int CommentCount { get; set; }

    /// <summary>The feed entry of the editing session in progress (ADR 25): consecutive saves by the same person fold into it.</summary>
    public long? SessionPostId { get; set; }

    public long? SessionEditorId { get; set; }

    /// <summary>The revision the session started from: the feed entry sums up the change since it.</summary>
    public int SessionFromNumber { get; set; }
}

internal sealed class WikiPageConfiguration : IEntityTypeConfiguration<WikiPage>
{
    public void Configure(EntityTypeBuilder<WikiPage> builder)
    {
        builder.ToTable("WikiPages");
        builder.Property(p => p.Title).HasMaxLength(WikiInputs.TitleMaxLength);
        builder.Property(p => p.Slug).HasMaxLength(WikiInputs.SlugMaxLength);
        builder.Property(p => p.Text).HasMaxLength(WikiInputs.TextMaxLength);
        builder.HasOne(p => p.Space).WithMany().HasForeignKey(p => p.SpaceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(p => p.Parent).WithMany().HasForeignKey(p => p.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.CreatedBy).WithMany().HasForeignKey(p => p.CreatedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.UpdatedBy).WithMany().HasForeignKey(p => p.UpdatedById).OnDelete(DeleteBehavior.Restrict);

        // A space's pages by recent change, a page's children, the address by slug, a space's templates.
        builder.HasIndex(p => new { p.SpaceId, p.Slug }).IsUnique();
        builder.HasIndex(p => new { p.SpaceId, p.UpdatedAt, p.Id });
        builder.HasIndex(p => new { p.ParentId, p.Title });
        builder.HasIndex(p => new { p.SpaceId, p.IsTemplate });
        builder.HasIndex(p => p.UpdatedAt);
    }
}
