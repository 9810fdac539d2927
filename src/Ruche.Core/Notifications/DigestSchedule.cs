using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ruche.Core.People;

namespace Ruche.Core.Notifications;

/// <summary>How often a person's e-mail digest goes out, and up to when the last one covered.</summary>
public sealed class DigestSchedule
{
    public long PersonId { get; set; }

    public DigestFrequency Frequency { get; set; }

    /// <summary>When the last digest was sent (the system's act, not the person's): the next one covers what came after.</summary>
    public DateTime? LastSentAt { get; set; }
}

public enum DigestFrequency
{
    Daily,
    Weekly,
}

internal sealed class DigestScheduleConfiguration : IEntityTypeConfiguration<DigestSchedule>
{
    public void Configure(EntityTypeBuilder<DigestSchedule> builder)
    {
        builder.HasKey(d => d.PersonId);
        builder.Property(d => d.Frequency).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<Person>().WithMany().HasForeignKey(d => d.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
