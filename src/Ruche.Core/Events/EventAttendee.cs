using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ruche.Core.People;

namespace Ruche.Core.Events;

/// <summary>A person invited to an event or answering it; one row per person and event.</summary>
public sealed class EventAttendee
{
    public long EventId { get; set; }

    public long PersonId { get; set; }

    public Person? Person { get; set; }

    /// <summary>True when the organiser or a moderator invited them (rather than them answering on their own).</summary>
    public bool Invited { get; set; }

    public RsvpResponse Response { get; set; }
}

public enum RsvpResponse
{
    /// <summary>Invited, not answered yet.</summary>
    Pending,
    Yes,
    No,
    Maybe,
}

internal sealed class EventAttendeeConfiguration : IEntityTypeConfiguration<EventAttendee>
{
    public void Configure(EntityTypeBuilder<EventAttendee> builder)
    {
        builder.HasKey(a => new { a.EventId, a.PersonId });
        builder.Property(a => a.Response).HasConversion<string>().HasMaxLength(16);

        // "Events I attend or am invited to": the person's events page and calendar feed.
        builder.HasIndex(a => new { a.PersonId, a.EventId });
        builder.HasOne(a => a.Person).WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
