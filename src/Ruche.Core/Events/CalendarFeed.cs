using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ruche.Core.People;

namespace Ruche.Core.Events;

/// <summary>
/// A person's private calendar feed address. Only the SHA-256 of its secret is kept (like access tokens): the address
/// is shown once, and regenerating or revoking it makes the old one answer "not found".
/// </summary>
public sealed class CalendarFeed
{
    public long PersonId { get; set; }

    public required string TokenHash { get; set; }

    /// <summary>The first characters of the secret, so the person recognises which address is active.</summary>
    public required string Prefix { get; set; }

    public DateTime CreatedAt { get; set; }
}

internal sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> builder)
    {
        builder.HasKey(f => f.PersonId);
        builder.Property(f => f.TokenHash).HasMaxLength(64);
        builder.Property(f => f.Prefix).HasMaxLength(16);
        builder.HasIndex(f => f.TokenHash).IsUnique();
        builder.HasOne<Person>().WithOne().HasForeignKey<CalendarFeed>(f => f.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
