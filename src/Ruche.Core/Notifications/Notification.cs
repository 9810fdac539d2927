using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ruche.Core.People;

namespace Ruche.Core.Notifications;

/// <summary>
/// One line in a person's notification centre. Events of the same kind about the same subject share a row (its
/// <see cref="GroupKey"/>): the thirteenth reaction to a post adds an actor and brings the row back to the top, unread.
/// </summary>
public sealed class Notification
{
    public long Id { get; set; }

    public long RecipientId { get; set; }

    /// <summary>A <see cref="NotificationKind.Name"/>.</summary>
    public required string Kind { get; set; }

    /// <summary>What events fold into this row, e.g. "reaction:post:42"; unique per recipient.</summary>
    public required string GroupKey { get; set; }

    /// <summary>
    /// What the row is about: a registered <see cref="Subjects.ISubjectKind"/>'s name and the subject's id. The row shows
    /// only while its recipient may read the subject, checked at every read; a subject that is gone is never readable,
    /// and the hourly retention pass sweeps its rows.
    /// </summary>
    public required string SubjectKind { get; set; }

    public long SubjectId { get; set; }

    /// <summary>How many distinct people acted: kept beside the actor rows so the list needs no count per line.</summary>
    public int ActorCount { get; set; }

    // A flag, not a read time: when someone opens their notifications is activity data Ruche never keeps.
    public bool IsRead { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Orders the centre; never shown, so nobody derives when a colleague was active.</summary>
    public DateTime UpdatedAt { get; set; }

    public List<NotificationActor> Actors { get; set; } = [];
}

/// <summary>A person who caused a grouped notification; one row per person however often they acted.</summary>
public sealed class NotificationActor
{
    public long NotificationId { get; set; }

    public long PersonId { get; set; }

    public Person? Person { get; set; }

    public DateTime ActedAt { get; set; }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.Property(n => n.Kind).HasMaxLength(32);
        builder.Property(n => n.GroupKey).HasMaxLength(96);
        builder.Property(n => n.SubjectKind).HasMaxLength(32);

        // "My notifications, newest first" and the grouping lookup.
        builder.HasIndex(n => new { n.RecipientId, n.UpdatedAt, n.Id });
        builder.HasIndex(n => n.UpdatedAt);
        builder.HasIndex(n => new { n.RecipientId, n.GroupKey }).IsUnique();

        // The unread badge on every page.
        builder.HasIndex(n => new { n.RecipientId, n.IsRead });

        // Sweeping the rows of a subject that is gone.
        builder.HasIndex(n => new { n.SubjectKind, n.SubjectId });
        builder.HasOne<Person>().WithMany().HasForeignKey(n => n.RecipientId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(n => n.Actors).WithOne().HasForeignKey(a => a.NotificationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NotificationActorConfiguration : IEntityTypeConfiguration<NotificationActor>
{
    public void Configure(EntityTypeBuilder<NotificationActor> builder)
    {
        builder.HasKey(a => new { a.NotificationId, a.PersonId });

        // The latest actors of a row, shown beside it.
        builder.HasIndex(a => new { a.NotificationId, a.ActedAt });
        builder.HasOne(a => a.Person).WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
