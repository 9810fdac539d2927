using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ruche.Core.Files;
using Ruche.Core.People;

namespace Ruche.Core.Wiki;

/// <summary>
/// One save of a page: its whole text and title, who saved it and when, an optional summary, the revision it started
/// from, and whether it took in a change saved meanwhile (<see cref="Merged"/>) or brings back an older one
/// (<see cref="RestoredFrom"/>). (PageId, Number) is unique: two saves can never both become revision N.
/// </summary>
public sealed class WikiRevision
{
    public long Id { get; set; }

    public long PageId { get; set; }

    public WikiPage? Page { get; set; }

    public int Number { get; set; }

    public required string Title { get; set; }

    public required string Text { get; set; }

    public long AuthorId { get; set; }

    public Person? Author { get; set; }

    public DateTime CreatedAt { get; set; }

    public string? Summary { get; set; }

    /// <summary>The revision the editor started from (the one before, unless a merge took place).</summary>
    public int BaseNumber { get; set; }

    public bool Merged { get; set; }

    public int? RestoredFrom { get; set; }

    public int LinesAdded { get; set; }

    public int LinesRemoved { get; set; }
}

/// <summary>A comment under a page, Markdown rendered like a post's.</summary>
public sealed class WikiComment
{
    public long Id { get; set; }

    public long PageId { get; set; }

    public WikiPage? Page { get; set; }

    public long AuthorId { get; set; }

    public Person? Author { get; set; }

    public required string Body { get; set; }

    public required string BodyHtml { get; set; }

    public DateTime CreatedAt { get; set; }
}

/// <summary>A file attached to a page: read by whoever reads the page (<see cref="WikiFileAttachments"/>).</summary>
public sealed class WikiPageFile
{
    public long PageId { get; set; }

    public Guid FileId { get; set; }

    public StoredFile? File { get; set; }

    public long AddedById { get; set; }

    public DateTime AddedAt { get; set; }
}

internal sealed class WikiPartsConfiguration :
    IEntityTypeConfiguration<WikiRevision>, IEntityTypeConfiguration<WikiComment>, IEntityTypeConfiguration<WikiPageFile>
{
    public void Configure(EntityTypeBuilder<WikiRevision> builder)
    {
        builder.ToTable("WikiRevisions");
        builder.Property(r => r.Title).HasMaxLength(WikiInputs.TitleMaxLength);
        builder.Property(r => r.Text).HasMaxLength(WikiInputs.TextMaxLength);
        builder.Property(r => r.Summary).HasMaxLength(WikiInputs.SummaryMaxLength);
        builder.HasOne(r => r.Page).WithMany().HasForeignKey(r => r.PageId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.Author).WithMany().HasForeignKey(r => r.AuthorId).OnDelete(DeleteBehavior.Restrict);

        // The race guard and the history, newest first; a person's revisions for their export.
        builder.HasIndex(r => new { r.PageId, r.Number }).IsUnique();
        builder.HasIndex(r => r.AuthorId);
    }

    public void Configure(EntityTypeBuilder<WikiComment> builder)
    {
        builder.ToTable("WikiComments");
        builder.Property(c => c.Body).HasMaxLength(Common.Limits.CommentBodyMaxLength);
        builder.HasOne(c => c.Page).WithMany().HasForeignKey(c => c.PageId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.Author).WithMany().HasForeignKey(c => c.AuthorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.PageId, c.Id });
        builder.HasIndex(c => c.AuthorId);
    }

    public void Configure(EntityTypeBuilder<WikiPageFile> builder)
    {
        builder.ToTable("WikiPageFiles");
        builder.HasKey(f => new { f.PageId, f.FileId });
        builder.HasOne<WikiPage>().WithMany().HasForeignKey(f => f.PageId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(f => f.File).WithMany().HasForeignKey(f => f.FileId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(f => f.AddedById).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(f => f.FileId);
    }
}
