using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ruche.Core.People;

namespace Ruche.Core.Communication;

/// <summary>
/// A targeted message from HR or the *community manager social* to an audience (site, department, professional
/// category, topic, or everyone), delivered to its recipients only. Its sender learns its reach as counts of at least
/// k people, never who read it: a reading bumps <see cref="Reads"/> and the reader's own flag, nothing else, no time.
/// </summary>
public sealed class CompanyMessage
{
    public long Id { get; set; }

    public long? AuthorId { get; set; }

    public Person? Author { get; set; }

    public required string Title { get; set; }

    public required string Body { get; set; }

    public required string BodyHtml { get; set; }

    public MessageCategory Category { get; set; }

    public long? AudienceSiteId { get; set; }

    public long? AudienceDepartmentId { get; set; }

    public JobCategory? AudienceJobCategory { get; set; }

    public string? AudienceTopic { get; set; }

    public DateTime SentAt { get; set; }

    /// <summary>How many people it was delivered to.</summary>
    public int Recipients { get; set; }

    /// <summary>How many of them opened it (a counter: no person, no time).</summary>
    public int Reads { get; set; }

    public List<MessageDelivery> Deliveries { get; set; } = [];
}

/// <summary>
/// A message delivered to one person: what lets them (and only them, with its sender) read it, and their own "read"
/// flag, which no screen, API or export shows to anyone but them; the sender sees sums of at least k.
/// </summary>
public sealed class MessageDelivery
{
    public long MessageId { get; set; }

    public long PersonId { get; set; }

    public Person? Person { get; set; }

    public bool IsRead { get; set; }
}

/// <summary>An employee refused one non-essential category of company messages: held at the next send.</summary>
public sealed class MessageOptOut
{
    public long PersonId { get; set; }

    public MessageCategory Category { get; set; }

    public DateTime ChangedAt { get; set; }
}

internal sealed class CompanyMessageConfiguration :
    IEntityTypeConfiguration<CompanyMessage>, IEntityTypeConfiguration<MessageDelivery>, IEntityTypeConfiguration<MessageOptOut>
{
    public void Configure(EntityTypeBuilder<CompanyMessage> builder)
    {
        builder.Property(m => m.Title).HasMaxLength(CommunicationLimits.TitleMaxLength);
        builder.Property(m => m.Body).HasMaxLength(CommunicationLimits.BodyMaxLength);
        builder.Property(m => m.AudienceTopic).HasMaxLength(Common.Limits.TagMaxLength);

        // A sender's messages, newest first.
        builder.HasIndex(m => new { m.AuthorId, m.SentAt });
        builder.HasOne(m => m.Author).WithMany().HasForeignKey(m => m.AuthorId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(m => m.Deliveries).WithOne().HasForeignKey(d => d.MessageId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<MessageDelivery> builder)
    {
        builder.HasKey(d => new { d.MessageId, d.PersonId });

        // A person's messages.
        builder.HasIndex(d => d.PersonId);
        builder.HasOne(d => d.Person).WithMany().HasForeignKey(d => d.PersonId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<MessageOptOut> builder)
    {
        builder.HasKey(o => new { o.PersonId, o.Category });
        builder.HasIndex(o => o.Category);
        builder.HasOne<Person>().WithMany().HasForeignKey(o => o.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
