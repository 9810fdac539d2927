using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Ruche.Core.Data;

namespace Ruche.Core.Audit;

/// <summary>
/// Removes sign-in entries past their retention without breaking the log's proof (ADR 12): stretch by stretch (at most
/// <see cref="StretchSize"/> entries each, so memory and the time appends wait stay bounded however long the log), it
/// checks the chain up to the stretch's end, seals the stretch with an <see cref="AuditCheckpoint"/> (the chain head
/// there and a digest of the entries kept), then deletes — which the database allows for sealed sign-in entries only.
/// A stretch whose chain does not verify is left as it is and reported, never sealed.
/// </summary>
public sealed partial class AuditPruning(RucheDbContext db, IDatabaseProvider provider, TimeProvider time, ILogger<AuditPruning> logger)
{
    /// <summary>Access-log entries (CNIL: kept six months to a year), the only ones retention may remove.</summary>
    public static readonly IReadOnlyList<string> SignInActions = ["auth.sign-in", "auth.sign-in-failed", "auth.locked-out"];

    /// <summary>The most entries one checkpoint seals (and one transaction holds in memory).</summary>
    public const int StretchSize = 5_000;

    /// <summary>Seals and removes the sign-in entries recorded before <paramref name="cutoff"/>; returns how many went.</summary>
    public Task<int> PruneSignInsAsync(DateTime cutoff, CancellationToken cancellationToken) => PruneSignInsAsync(cutoff, StretchSize, cancellationToken);

    /// <summary>As <see cref="PruneSignInsAsync(DateTime, CancellationToken)"/>, sealing at most <paramref name="stretchSize"/> entries at a time.</summary>
    public async Task<int> PruneSignInsAsync(DateTime cutoff, int stretchSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(stretchSize, 1);
        var total = 0;
        while (await PruneStretchAsync(cutoff, stretchSize, cancellationToken) is { } stretch)
        {
            total += stretch.Pruned;
            if (!stretch.More)
            {
                break;
            }
        }

        return total;
    }

    /// <summary>One stretch sealed and pruned; null when nothing is left to prune or the chain does not verify.</summary>
    private async Task<(int Pruned, bool More)?> PruneStretchAsync(DateTime cutoff, int stretchSize, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Appends wait while the stretch is sealed, so the checkpoint and the chain cannot disagree.
        await provider.SerializeAsync(db, "audit-log", cancellationToken);
        var last = await db.AuditCheckpoints.OrderByDescending(c => c.ThroughEntryId)
            .Select(c => new { c.ThroughEntryId, c.ChainHead, c.Hash }).FirstOrDefaultAsync(cancellationToken);
        var after = last?.ThroughEntryId ?? 0;
        var through = await db.AuditEntries.Where(e => e.Id > after && e.At < cutoff && SignInActions.Contains(e.Action))
            .MaxAsync(e => (long?)e.Id, cancellationToken);
        if (through is not { } lastToGo)
        {
            return null;
        }

        var stretch = await db.AuditEntries.AsNoTracking().Where(e => e.Id > after && e.Id <= lastToGo)
            .OrderBy(e => e.Id).Take(stretchSize).ToListAsync(cancellationToken);
        var previous = last?.ChainHead ?? AuditLog.Genesis;
        foreach (var entry in stretch)
        {
            if (entry.PreviousHash != previous || entry.Hash != AuditLog.HashOf(entry))
            {
                ChainBroken(logger, entry.Id);
                return null;
            }

            previous = entry.Hash;
        }

        var end = stretch[^1].Id;
        var pruned = stretch.Where(e => e.At < cutoff && SignInActions.Contains(e.Action)).Select(e => e.Id).ToHashSet();
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
        await db.AuditEntries.Where(e => e.Id > after && e.Id <= end && pruned.Contains(e.Id)).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (pruned.Count, end < lastToGo);
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

    [LoggerMessage(Level = LogLevel.Error, Message = "The audit log's chain does not verify at entry {EntryId}: sign-in entries from there on are not pruned until it is examined (Admin → Audit)")]
    private static partial void ChainBroken(ILogger logger, long entryId);
}
