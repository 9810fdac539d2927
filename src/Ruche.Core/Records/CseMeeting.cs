using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ruche.Core.Records;

public enum CseMeetingKind
{
    Ordinary,
    Extraordinary,

    /// <summary>A special case whose minutes are due in 3 days (by default).</summary>
    ThreeDay,

    /// <summary>A special case whose minutes are due in 1 day (by default).</summary>
    OneDay,
}

public enum MinutesStatus
{
    Draft,
    Adopted,
    Published,
}

/// <summary>
/// A CSE meeting and its minutes (procès-verbal): written by the elected secretary only, commented on by the president
/// and members, due by <see cref="DeadlineAt"/>, adopted at a later meeting, then published by the secretary; the
/// employer's reasoned answers are attached to the published minutes.
/// </summary>
public sealed class CseMeeting
{
    public long Id { get; set; }

    public long CseId { get; set; }

    public CseBody? Cse { get; set; }

    public required string Title { get; set; }

    public DateTime HeldAt { get; set; }

    public CseMeetingKind Kind { get; set; }

    public DateTime DeadlineAt { get; set; }

    public string Minutes { get; set; } = string.Empty;

    public string MinutesHtml { get; set; } = string.Empty;

    public DateTime? MinutesSavedAt { get; set; }

    public MinutesStatus Status { get; set; }

    public DateTime? ReminderSentAt { get; set; }

    /// <summary>The later meeting where the minutes were adopted, and the vote.</summary>
    public long? AdoptedAtMeetingId { get; set; }

    public int? VotesFor { get; set; }

    public int? VotesAgainst { get; set; }

    public int? VotesAbstaining { get; set; }

    public DateTime? AdoptedAt { get; set; }

    public DateTime? PublishedAt { get; set; }

    public List<CseComment> Comments { get; set; } = [];
}

internal sealed class CseMeetingConfiguration : IEntityTypeConfiguration<CseMeeting>
{
    public void Configure(EntityTypeBuilder<CseMeeting> builder)
    {
        builder.Property(m => m.Title).HasMaxLength(RecordsLimits.TitleMaxLength);
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(m => new { m.CseId, m.HeldAt });
        builder.HasIndex(m => new { m.Status, m.DeadlineAt });
        builder.HasOne(m => m.Cse).WithMany().HasForeignKey(m => m.CseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<CseMeeting>().WithMany().HasForeignKey(m => m.AdoptedAtMeetingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(m => m.Comments).WithOne().HasForeignKey(c => c.MeetingId).OnDelete(DeleteBehavior.Cascade);
    }
}
