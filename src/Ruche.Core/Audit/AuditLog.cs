using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Data;

namespace Ruche.Core.Audit;

/// <summary>The append-only, hash-chained audit log: recording, reading (administrators) and verifying.</summary>
public sealed class AuditLog(RucheDbContext db, IDatabaseProvider provider, TimeProvider time)
{
    /// <summary>The hash the first entry chains to.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>
    /// Appends an entry. Runs in the caller's transaction when there is one (the event and its record commit
    /// together), else in its own; appends are serialised so the chain never forks.
    /// </summary>
    public async Task RecordAsync(long? actorId, string action, string? target = null, object? details = null, CancellationToken cancellationToken = default)
    {
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            await provider.SerializeAsync(db, "audit-log", cancellationToken);
            var previous = await db.AuditEntries.OrderByDescending(e => e.Id).Select(e => e.Hash).FirstOrDefaultAsync(cancellationToken) ?? Genesis;
            var entry = new AuditEntry
            {
                At = time.UtcNow(),
                ActorId = actorId,
                Action = action,
                Target = target,
                Details = details is null ? null : JsonSerializer.Serialize(details),
                PreviousHash = previous,
                Hash = string.Empty,
            };
            entry.Hash = HashOf(entry);
            db.AuditEntries.Add(entry);
            await db.SaveChangesAsync(cancellationToken);
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }

    public async Task<Page<AuditEntryView>> ReadAsync(Viewer viewer, string? cursor, int? pageSize, CancellationToken cancellationToken)
    {
        if (!viewer.IsAdministrator)
        {
            throw RucheException.Forbidden("administrator-required", "Only administrators read the audit log.");
        }

        var size = Cursor.PageSize(pageSize);
        var query = db.AuditEntries.AsQueryable();
        if (Cursor.Parse(cursor) is { } before)
        {
            query = query.Where(e => e.Id < before);
        }

        var rows = await query.OrderByDescending(e => e.Id).Take(size + 1)
            .Select(e => new AuditEntryView(e.Id, e.At, e.ActorId, db.People.Where(p => p.Id == e.ActorId).Select(p => p.DisplayName).FirstOrDefault(), e.Action, e.Target, e.Details, e.Hash))
            .ToListAsync(cancellationToken);
        var hasMore = rows.Count > size;
        var items = hasMore ? rows.Take(size).ToList() : rows;
        var named = await AuditPeople.NamesAsync(db, items, cancellationToken);
        return new Page<AuditEntryView>(items.Select(item => item with { People = AuditPeople.Of(item, named) }).ToList(), hasMore ? Cursor.Format(items[^1].Id) : null);
    }

    public Task<AuditVerification> VerifyAsync(Viewer viewer, CancellationToken cancellationToken) =>
        viewer.IsAdministrator
            ? VerifyAsync(cancellationToken)
            : throw RucheException.Forbidden("administrator-required", "Only administrators verify the audit log.");

    /// <summary>
    /// Walks the whole log in id order; the first entry whose hash or link does not hold is reported. A stretch sealed
    /// by a checkpoint (where retention removed sign-ins, ADR 12) is checked against it: the checkpoints chain to each
    /// other, each kept entry's own hash holds, and the kept entries are exactly those the seal's digest names; the
    /// chain then picks up from the seal's head.
    /// </summary>
    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken)
    {
        var previous = Genesis;
        var count = 0;
        var sealedThrough = 0L;
        var previousCheckpoint = Genesis;
        var checkpoints = await db.AuditCheckpoints.AsNoTracking().OrderBy(c => c.ThroughEntryId).ToListAsync(cancellationToken);
        foreach (var checkpoint in checkpoints)
        {
            var kept = await db.AuditEntries.AsNoTracking().Where(e => e.Id > sealedThrough && e.Id <= checkpoint.ThroughEntryId)
                .OrderBy(e => e.Id).ToListAsync(cancellationToken);
            if (kept.FirstOrDefault(e => e.Hash != HashOf(e)) is { } altered)
            {
                return new AuditVerification(false, count, altered.Id);
            }

            if (checkpoint.PreviousHash != previousCheckpoint || checkpoint.Hash != AuditPruning.HashOf(checkpoint)
                || checkpoint.KeptCount != kept.Count || checkpoint.KeptDigest != AuditPruning.DigestOf(kept))
            {
                return new AuditVerification(false, count, kept.Select(e => (long?)e.Id).FirstOrDefault() ?? checkpoint.ThroughEntryId);
            }

            count += kept.Count;
            previous = checkpoint.ChainHead;
            previousCheckpoint = checkpoint.Hash;
            sealedThrough = checkpoint.ThroughEntryId;
        }

        await foreach (var entry in db.AuditEntries.AsNoTracking().Where(e => e.Id > sealedThrough).OrderBy(e => e.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (entry.PreviousHash != previous || entry.Hash != HashOf(entry))
            {
                return new AuditVerification(false, count, entry.Id);
            }

            previous = entry.Hash;
            count++;
        }

        return new AuditVerification(true, count, null) { Checkpoints = checkpoints.Count };
    }

    internal static string HashOf(AuditEntry entry)
    {
        // Every field in a fixed, unambiguous form (lengths prefix the free texts).
        var canonical = string.Join(
            '\n',
            entry.PreviousHash,
            entry.At.ToString("O", CultureInfo.InvariantCulture),
            entry.ActorId?.ToString(CultureInfo.InvariantCulture) ?? "-",
            Field(entry.Action),
            Field(entry.Target),
            Field(entry.Details));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    private static string Field(string? value) => value is null ? "-" : $"{value.Length}:{value}";
}

public sealed record AuditEntryView(long Id, DateTime At, long? ActorId, string? ActorName, string Action, string? Target, string? Details, string Hash)
{
    /// <summary>The names of the people the entry's target and details point at, by id, for a reader who wants words.</summary>
    public IReadOnlyDictionary<long, string> People { get; init; } = new Dictionary<long, string>();
}

public sealed record AuditVerification(bool Intact, int EntriesChecked, long? FirstBrokenId)
{
    /// <summary>Seals over stretches where retention removed sign-in entries, checked with them.</summary>
    public int Checkpoints { get; init; }
}
