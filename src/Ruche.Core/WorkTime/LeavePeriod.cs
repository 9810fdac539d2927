using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ruche.Core.People;

namespace Ruche.Core.WorkTime;

/// <summary>Days off (holidays, sick leave…), from and to inclusive, as dates on the person's own calendar. No reason is kept.</summary>
public sealed class LeavePeriod
{
    public long Id { get; set; }

    public long PersonId { get; set; }

    public DateOnly From { get; set; }

    public DateOnly To { get; set; }
}

internal sealed class LeavePeriodConfiguration : IEntityTypeConfiguration<LeavePeriod>
{
    public void Configure(EntityTypeBuilder<LeavePeriod> builder)
    {
        // "Is this person on leave on these days": by person, then by the end date (periods not yet over).
        builder.HasIndex(l => new { l.PersonId, l.To });
        builder.HasOne<Person>().WithMany().HasForeignKey(l => l.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
