using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ruche.Core.People;

namespace Ruche.Core.Notifications;

/// <summary>How a person wants one kind of notification; a missing row means the kind's default.</summary>
public sealed class NotificationPreference
{
    public long PersonId { get; set; }

    public required string Kind { get; set; }

    public NotificationChannel Channel { get; set; }
}

/// <summary>
/// In-app: a row in the centre and a live badge update. E-mail digest: the same, and the row goes in the digest
/// mail. None: nothing is stored.
/// </summary>
public enum NotificationChannel
{
    InApp,
    EmailDigest,
    None,
}

/// <summary>A person's quiet hours, read in their own time zone: no live push and no mail from start to end.</summary>
public sealed class QuietHours
{
    public long PersonId { get; set; }

    /// <summary>Minutes after local midnight; a start after the end spans midnight (22:00 → 07:00).</summary>
    public int StartMinute { get; set; }

    public int EndMinute { get; set; }
}

internal sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> builder)
    {
        builder.HasKey(p => new { p.PersonId, p.Kind });
        builder.Property(p => p.Kind).HasMaxLength(32);
        builder.Property(p => p.Channel).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<Person>().WithMany().HasForeignKey(p => p.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class QuietHoursConfiguration : IEntityTypeConfiguration<QuietHours>
{
    public void Configure(EntityTypeBuilder<QuietHours> builder)
    {
        builder.HasKey(q => q.PersonId);
        builder.HasOne<Person>().WithMany().HasForeignKey(q => q.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
