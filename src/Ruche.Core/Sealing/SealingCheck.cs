using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ruche.Core.Data;

namespace Ruche.Core.Sealing;

/// <summary>
/// A known value sealed with the key when the database first met it: at start, the key in use must open it, so a
/// database restored without its key, or started with another one, stops with a clear message instead of sealing new
/// data with a key that cannot open the old.
/// </summary>
public sealed class SealingCheck
{
    private const string Purpose = "sealing-check";
    private const string Known = "Ruche sealing key check";

    public int Id { get; init; }

    public required byte[] Sealed { get; init; }

    public static async Task EnsureAsync(RucheDbContext db, Sealer sealer, CancellationToken cancellationToken)
    {
        var check = await db.Set<SealingCheck>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == 1, cancellationToken);
        if (check is null)
        {
            db.Add(new SealingCheck { Id = 1, Sealed = sealer.SealText(Known, Purpose) });
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        try
        {
            if (sealer.OpenText(check.Sealed, Purpose) == Known)
            {
                return;
            }
        }
        catch (CryptographicException)
        {
        }

        throw new InvalidOperationException(
            "The sealing key (Ruche:SealingKey, or sealing.key in the data folder) is not the one this database's sealed data was sealed with. Restore the key that goes with this database; Ruche will not start with another.");
    }
}

internal sealed class SealingCheckConfiguration : IEntityTypeConfiguration<SealingCheck>
{
    public void Configure(EntityTypeBuilder<SealingCheck> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
    }
}
