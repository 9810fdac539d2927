using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ruche.Core.People;
using Ruche.Core.Spaces;

namespace Ruche.Core.Events;

/// <summary>
/// A meeting in a space, readable by whoever reads the space (<see cref="EventQueries.VisibleTo"/>). Its time is kept
/// as people mean it, a local date and time in an IANA time zone, so a monthly 09:00 meeting stays at 09:00 across
/// daylight-saving changes; <see cref="StartsAt"/>, <see cref="EndsAt"/> and <see cref="SeriesEndsAt"/> are the UTC
/// instants derived from it, for ordering and for finding upcoming events in SQL.
/// </summary>
public sealed class SpaceEvent
{
    public long Id { get; set; }

    public long SpaceId { get; set; }

    public Space? Space { get; set; }

    public long OrganizerId { get; set; }

    public Person? Organizer { get; set; }

    public required string Title { get; set; }

    /// <summary>Description or agenda, Markdown as written.</summary>
    public required string Description { get; set; }

    /// <summary>Sanitised HTML rendered from <see cref="Description"/> at write time.</summary>
    public required string DescriptionHtml { get; set; }

    /// <summary>IANA time zone the local date and time are read in.</summary>
    public required string TimeZone { get; set; }

    /// <summary>Local date of the first occurrence.</summary>
    public DateOnly LocalDate { get; set; }

    /// <summary>Local time every occurrence starts at.</summary>
    public TimeOnly LocalTime { get; set; }

    /// <summary>Elapsed length of each occurrence.</summary>
    public int DurationMinutes { get; set; }

    public EventRepeat Repeat { get; set; }

    /// <summary>For <see cref="EventRepeat.MonthlyByWeekday"/>: 1 to 4 for the first to fourth weekday of the month, -1 for the last.</summary>
    public int? RepeatWeek { get; set; }

    /// <summary>Last local date an occurrence may start on (inclusive); null repeats without end.</summary>
    public DateOnly? RepeatUntil { get; set; }

    /// <summary>Start of the first occurrence, UTC.</summary>
    public DateTime StartsAt { get; set; }

    /// <summary>End of the first occurrence, UTC.</summary>
    public DateTime EndsAt { get; set; }

    /// <summary>End of the last occurrence, UTC; null for a series without end.</summary>
    public DateTime? SeriesEndsAt { get; set; }

    /// <summary>Random, stable, unguessable video-call room name (the link is built from the configured template).</summary>
    public required string Room { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? EditedAt { get; set; }

    /// <summary>Set when the organiser or a moderator cancelled it: it stays readable (and in calendars, as cancelled).</summary>
    public DateTime? CancelledAt { get; set; }

    /// <summary>Bumped by every change, for the iCalendar SEQUENCE calendar clients update on.</summary>
    public int Sequence { get; set; }

    public List<EventAttendee> Attendees { get; set; } = [];
}

public enum EventRepeat
{
    None,
    Weekly,

    /// <summary>The Nth (or last) weekday of each month, e.g. first Monday, last Friday.</summary>
    MonthlyByWeekday,
}

internal sealed class EventConfiguration : IEntityTypeConfiguration<SpaceEvent>
{
    public void Configure(EntityTypeBuilder<SpaceEvent> builder)
    {
        builder.ToTable("Events");
        builder.Property(e => e.Title).HasMaxLength(Common.Limits.EventTitleMaxLength);
        builder.Property(e => e.Description).HasMaxLength(Common.Limits.EventDescriptionMaxLength);
        builder.Property(e => e.TimeZone).HasMaxLength(64);
        builder.Property(e => e.Repeat).HasConversion<string>().HasMaxLength(24);
        builder.Property(e => e.Room).HasMaxLength(64);
        builder.HasIndex(e => e.Room).IsUnique();
        builder.HasOne(e => e.Space).WithMany().HasForeignKey(e => e.SpaceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(e => e.Organizer).WithMany().HasForeignKey(e => e.OrganizerId).OnDelete(DeleteBehavior.Cascade);

        // A space's upcoming events, and the events a person organises.
        builder.HasIndex(e => new { e.SpaceId, e.StartsAt });
        builder.HasIndex(e => new { e.OrganizerId, e.StartsAt });
        builder.HasMany(e => e.Attendees).WithOne().HasForeignKey(a => a.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}
