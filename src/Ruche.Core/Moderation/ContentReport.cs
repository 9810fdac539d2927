using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ruche.Core.People;

namespace Ruche.Core.Moderation;

/// <summary>
/// Someone's report of a post or a comment, with a reason from a short list. A person reports a piece of content once
/// (the key refuses a second row, so reporting again is answered with the first). Open until a moderator decides;
/// the reporter's identity is shown to moderators only.
/// </summary>
public sealed class ContentReport
{
    public long Id { get; set; }

    public ReportedContent Content { get; set; }

    public long ContentId { get; set; }

    /// <summary>The post reported, or the post of the comment reported: who moderates it follows from its space. None for a kudos (its team space, or administrators, moderate it).</summary>
    public long? PostId { get; set; }

    public long ReporterId { get; set; }

    public Person? Reporter { get; set; }

    public ReportReason Reason { get; set; }

    public string? Note { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Null while the report is open.</summary>
    public long? DecisionId { get; set; }

    public ModerationDecision? Decision { get; set; }
}

/// <summary>What a report is about.</summary>
public enum ReportedContent
{
    Post,
    Comment,

    /// <summary>A thank-you (Recognition): moderated by its team space's moderators, or by administrators.</summary>
    Kudos,
}

/// <summary>The short list a reporter chooses from; a note may say more.</summary>
public enum ReportReason
{
    Spam,
    Harassment,
    Hate,
    Illegal,
    Confidential,
    Other,
}

internal sealed class ContentReportConfiguration : IEntityTypeConfiguration<ContentReport>
{
    public void Configure(EntityTypeBuilder<ContentReport> builder)
    {
        builder.Property(r => r.Note).HasMaxLength(Common.Limits.ReportNoteMaxLength);
        builder.HasOne(r => r.Reporter).WithMany().HasForeignKey(r => r.ReporterId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.Decision).WithMany().HasForeignKey(r => r.DecisionId).OnDelete(DeleteBehavior.SetNull);

        // Reporting twice is answered with the first report.
        builder.HasIndex(r => new { r.Content, r.ContentId, r.ReporterId }).IsUnique();

        // The queue: open reports by post.
        builder.HasIndex(r => new { r.DecisionId, r.PostId });
    }
}
