using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Ruche.Core.Data;

namespace Ruche.Core.Audit;

/// <summary>
/// Removes sign-in entries past their retention without breaking the log's proof (ADR 12): it first checks the chain up
/// to the last entry to go, then seals that stretch with an <see cref="AuditCheckpoint"/> (the chain head there and a
/// digest of the entries kept), then deletes — which the database allows for sealed sign-in entries only.
/// </summary>
public sealed class AuditPruning(RucheDbContext db, IDatabaseProvider provider, TimeProvider time)
{
    /// <summary>Access-log entries (CNIL: kept six months to a year), the only ones retention may remove.</summary>
    public static readonly IReadOnlyList<string> SignInActions = ["auth.sign-in", "auth.sign-in-failed", "auth.locked-out"];

    /// <summary>Seals and removes the sign-in entries recorded before <paramref name="cutoff"/>; returns how many went.</summary>
    public async Task<int> PruneSignInsAsync(DateTime cutoff, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Appends wait while the stretch is sealed, so the checkpoint and the chain cannot disagree.
        await provider.SerializeAsync(db, "audit-log", cancellationToken);
        var last = await db.AuditCheckpoints.OrderByDescending(c => c.ThroughEntryId)
            .Select(c => new { c.ThroughEntryId, c.ChainHead, c.Hash }).FirstOrDefaultAsync(cancellationToken);
        var after = last?.ThroughEntryId ?? 0;
        var through = await db.AuditEntries.Where(e => e.Id > after && e.At < cutoff && SignInActions.Contains(e.Action))
            .MaxAsync(e => (long?)e.Id, cancellationToken);
        if (through is not { } end)
        {
            return 0;
        }

        // Seal only what verifies: a broken stretch is left as it is, for the verification to report.
        var stretch = await db.AuditEntries.AsNoTracking().Where(e => e.Id > after && e.Id <= end).OrderBy(e => e.Id).ToListAsync(cancellationToken);
        var previous = last?.ChainHead ?? AuditLog.Genesis;
        foreach (var entry in stretch)
        {
            if (entry.PreviousHash != previous || entry.Hash != AuditLog.HashOf(entry))
            {
                return 0;
            }

            previous = entry.Hash;
        }

        var pruned = stretch.Where(e => e.At < cutoff && SignInActions.Contains(e.Action)).Select(e => e.Id).ToList();
        var kept = stretch.Where(e => !pruned.Contains(e.Id)).ToList();
        var checkpoint = new AuditCheckpoint
        {
            At = time.UtcNow(),
            ThroughEntryId = end,
            ChainHead = previous,
            KeptDigest = DigestOf(kept),
            KeptCount = kept.Count,
            PrunedCount = pruned.Count,
            PreviousHash = last?.Hash ?? AuditLog.Genesis,
            Hash = string.Empty,
        };
        checkpoint.Hash = HashOf(checkpoint);
        db.AuditCheckpoints.Add(checkpoint);
        await db.SaveChangesAsync(cancellationToken);
        await db.AuditEntries.Where(e => pruned.Contains(e.Id)).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return pruned.Count;
    }

    /// <summary>SHA-256 of the kept entries' hashes, in id order.</summary>
    internal static string DigestOf(IEnumerable<AuditEntry> kept) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', kept.OrderBy(e => e.Id).Select(e => $"{e.Id}:{e.Hash}")))));

    internal static string HashOf(AuditCheckpoint checkpoint) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join(
            '\n',
            checkpoint.PreviousHash,
            checkpoint.At.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            checkpoint.ThroughEntryId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            checkpoint.ChainHead,
            checkpoint.KeptDigest,
            checkpoint.KeptCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            checkpoint.PrunedCount.ToString(System.Globalization.CultureInfo.InvariantCulture)))));
}
