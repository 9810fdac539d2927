using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ruche.Core.People;

namespace Ruche.Core.Records;

/// <summary>
/// The works council (comité social et économique) as elected: its president (the employer's representative), its
/// elected secretary, and its members. Its minutes deadlines are those of the law unless an agreement sets others.
/// </summary>
public sealed class CseBody
{
    public long Id { get; set; }

    public required string Name { get; set; }

    public long PresidentId { get; set; }

    public Person? President { get; set; }

    public long SecretaryId { get; set; }

    public Person? Secretary { get; set; }

    /// <summary>Days after an ordinary or extraordinary meeting for the minutes (15 by default, art. D2315-26).</summary>
    public int DeadlineDays { get; set; } = MinutesDeadlines.DefaultDays;

    /// <summary>Days for the special cases with a 3-day deadline (collective redundancy, art. D2315-26 2°).</summary>
    public int ShortDeadlineDays { get; set; } = MinutesDeadlines.ShortDays;

    /// <summary>Days for the special case with a 1-day deadline (receivership or liquidation, art. D2315-26 3°).</summary>
    public int UrgentDeadlineDays { get; set; } = MinutesDeadlines.UrgentDays;

    public DateTime CreatedAt { get; set; }

    public List<CseMember> Members { get; set; } = [];
}

public sealed class CseMember
{
    public long CseId { get; set; }

    public long PersonId { get; set; }

    public Person? Person { get; set; }
}

internal sealed class CseBodyConfiguration : IEntityTypeConfiguration<CseBody>
{
    public void Configure(EntityTypeBuilder<CseBody> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(RecordsLimits.TitleMaxLength);
        builder.HasIndex(c => c.PresidentId);
        builder.HasIndex(c => c.SecretaryId);
        builder.HasOne(c => c.President).WithMany().HasForeignKey(c => c.PresidentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Secretary).WithMany().HasForeignKey(c => c.SecretaryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Members).WithOne().HasForeignKey(m => m.CseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CseMemberConfiguration : IEntityTypeConfiguration<CseMember>
{
    public void Configure(EntityTypeBuilder<CseMember> builder)
    {
        builder.HasKey(m => new { m.CseId, m.PersonId });
        builder.HasIndex(m => m.PersonId);
        builder.HasOne(m => m.Person).WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
