using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ruche.Core.Data;

/// <summary>
/// Who runs a scheduled job now, so that with several app nodes one runs it: a node claims the row with a conditional
/// update (only a lease that has run out can be taken), which the database serialises.
/// </summary>
public sealed class JobLease
{
    public required string Name { get; set; }

    public DateTime LeasedUntil { get; set; }

    public string? Holder { get; set; }
}

public static class JobLeases
{
    /// <summary>Takes the lease on <paramref name="name"/> for <paramref name="duration"/> if nobody holds it; true when this caller got it.</summary>
    public static async Task<bool> TryClaimAsync(this RucheDbContext db, string name, string holder, DateTime now, TimeSpan duration, CancellationToken cancellationToken)
    {
        if (!await db.Set<JobLease>().AnyAsync(l => l.Name == name, cancellationToken))
        {
            try
            {
                db.Set<JobLease>().Add(new JobLease { Name = name, LeasedUntil = now });
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another node created it first: the claim below decides.
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }

        var until = now.Add(duration);
        return await db.Set<JobLease>().Where(l => l.Name == name && l.LeasedUntil <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.LeasedUntil, until).SetProperty(l => l.Holder, holder), cancellationToken) == 1;
    }
}

internal sealed class JobLeaseConfiguration : IEntityTypeConfiguration<JobLease>
{
    public void Configure(EntityTypeBuilder<JobLease> builder)
    {
        builder.HasKey(l => l.Name);
        builder.Property(l => l.Name).HasMaxLength(64);
        builder.Property(l => l.Holder).HasMaxLength(128);
    }
}
