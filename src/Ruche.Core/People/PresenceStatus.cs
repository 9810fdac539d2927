using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ruche.Core.People;

/// <summary>
/// Where a person works from today, as they said it. It lasts until the end of their local day
/// (<see cref="ExpiresAt"/>, midnight in their time zone) and is then simply no longer read. Only what they chose is
/// kept: not when they set it, nor any trace of activity (no "last seen", CNIL; PRODUCT "No surveillance").
/// </summary>
public sealed class PresenceStatus
{
    public long PersonId { get; set; }

    public WorkingFrom Mode { get; set; }

    public string? Note { get; set; }

    /// <summary>The next local midnight after it was set, UTC.</summary>
    public DateTime ExpiresAt { get; set; }
}

public enum WorkingFrom
{
    Office,
    Home,
    Travelling,
    Off,
}

/// <summary>A working-from status as shown beside a name.</summary>
public sealed record PresenceBadge(WorkingFrom Mode, string? Note);

internal sealed class PresenceStatusConfiguration : IEntityTypeConfiguration<PresenceStatus>
{
    public void Configure(EntityTypeBuilder<PresenceStatus> builder)
    {
        builder.ToTable("PresenceStatuses");
        builder.HasKey(s => s.PersonId);
        builder.Property(s => s.Mode).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.Note).HasMaxLength(Common.Limits.PresenceNoteMaxLength);
        builder.HasOne<Person>().WithOne(p => p.PresenceStatus).HasForeignKey<PresenceStatus>(s => s.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
