using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ruche.Core.People;

namespace Ruche.Core.Dialogue;

/// <summary>A union's message to employees outside its space, within the agreement's channels and monthly quota.</summary>
public sealed class UnionBroadcast
{
    public long Id { get; set; }

    public long UnionId { get; set; }

    public Union? Union { get; set; }

    public long? AuthorId { get; set; }

    public Person? Author { get; set; }

    public required string Title { get; set; }

    public required string Body { get; set; }

    public required string BodyHtml { get; set; }

    public DateTime SentAt { get; set; }

    /// <summary>The audience it was pushed to (all null: everyone who consents); reading it stays open to all who did not refuse.</summary>
    public long? AudienceSiteId { get; set; }

    public long? AudienceDepartmentId { get; set; }

    public JobCategory? AudienceJobCategory { get; set; }

    public string? AudienceTopic { get; set; }

    /// <summary>How many people it was sent to (pushed), the only reach anyone learns, and only when 5 or more.</summary>
    public int Recipients { get; set; }
}

internal sealed class UnionBroadcastConfiguration : IEntityTypeConfiguration<UnionBroadcast>
{
    public void Configure(EntityTypeBuilder<UnionBroadcast> builder)
    {
        builder.Property(b => b.Title).HasMaxLength(DialogueLimits.BroadcastTitleMaxLength);
        builder.Property(b => b.Body).HasMaxLength(DialogueLimits.BroadcastBodyMaxLength);
        builder.Property(b => b.AudienceTopic).HasMaxLength(Common.Limits.TagMaxLength);

        // A union's broadcasts newest first, and this month's count for the quota.
        builder.HasIndex(b => new { b.UnionId, b.SentAt });
        builder.HasOne(b => b.Union).WithMany().HasForeignKey(b => b.UnionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(b => b.Author).WithMany().HasForeignKey(b => b.AuthorId).OnDelete(DeleteBehavior.SetNull);
    }
}
