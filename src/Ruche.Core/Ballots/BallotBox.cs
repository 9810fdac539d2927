using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.Sealing;

namespace Ruche.Core.Ballots;

/// <summary>
/// Anonymous ballots for every feature that collects them (anonymous polls, pulse surveys), so that nothing in the
/// database links a person to a choice — not a column, not a row's position, not a time, not a transaction:
/// <list type="number">
/// <item>Casting writes two rows in one transaction: the person's <see cref="BallotParticipation"/> (no choice) and a
/// <see cref="SealedBallot"/> (no person), sealed with the key kept outside the database and padded to a fixed size,
/// so neither its content nor its length shows through a dump. The two are linkable by insertion order or by the
/// transaction that wrote them (PostgreSQL's xmin), which is why the ballot is sealed.</item>
/// <item>Once a box holds a batch of sealed ballots (<c>minimumBatch</c>, at least 5 by default), one transaction opens
/// them, shuffles them, hands them to the feature's <see cref="IBallotCounter"/> (which adds to tallies or writes
/// answers) and deletes them. What the counter writes shares one transaction and a random order across the whole
/// batch, so it cannot be traced to one of the batch's voters.</item>
/// <item>A voter receives a receipt code once; its hash joins <see cref="CountedReceipt"/> when the batch is counted,
/// so the voter can check that their ballot was counted. The receipt says nothing of the choice.</item>
/// </list>
/// Results therefore move by batches: a box that closes counts what is left whatever its size (<see cref="CloseAsync"/>).
/// </summary>
public sealed class BallotBox(RucheDbContext db, Sealer sealer, IEnumerable<IBallotCounter> counters)
{
    public const int DefaultBatch = 5;

    private const int PaddedBlock = 512;

    /// <summary>Casts <paramref name="ballot"/> (the feature's own encoding) and returns the voter's receipt code.</summary>
    public async Task<string> CastAsync(string boxKind, long boxId, long personId, string ballot, int minimumBatch, CancellationToken ct)
    {
        _ = Counter(boxKind);
        if (await HasCastAsync(boxKind, boxId, personId, ct))
        {
            throw RucheException.Invalid("ballot.already-cast", "This person has already answered.");
        }
        var receipt = NewReceiptCode();
        db.Add(new BallotParticipation { BoxKind = boxKind, BoxId = boxId, PersonId = personId });
        db.Add(new SealedBallot
        {
            Id = Guid.NewGuid(),
            BoxKind = boxKind,
            BoxId = boxId,
            Content = sealer.Seal(Pad(JsonSerializer.SerializeToUtf8Bytes(new Envelope(HashReceipt(receipt), ballot))), Purpose(boxKind, boxId)),
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two requests of the same person raced: the participation's key let one in.
            db.ChangeTracker.Clear();
            throw RucheException.Invalid("ballot.already-cast", "This person has already answered.");
        }
        await MixAsync(boxKind, boxId, Math.Max(minimumBatch, 1), ct);
        return receipt;
    }

    public Task<bool> HasCastAsync(string boxKind, long boxId, long personId, CancellationToken ct) =>
        db.Set<BallotParticipation>().AnyAsync(p => p.BoxKind == boxKind && p.BoxId == boxId && p.PersonId == personId, ct);

    public Task<int> ParticipantCountAsync(string boxKind, long boxId, CancellationToken ct) =>
        db.Set<BallotParticipation>().CountAsync(p => p.BoxKind == boxKind && p.BoxId == boxId, ct);

    /// <summary>Ballots cast but not counted yet (they wait for a full batch or the box's closing).</summary>
    public Task<int> WaitingCountAsync(string boxKind, long boxId, CancellationToken ct) =>
        db.Set<SealedBallot>().CountAsync(b => b.BoxKind == boxKind && b.BoxId == boxId, ct);

    /// <summary>Counts every ballot still waiting, however few: the box has closed.</summary>
    public Task<int> CloseAsync(string boxKind, long boxId, CancellationToken ct) => MixAsync(boxKind, boxId, 1, ct);

    public async Task<ReceiptState> CheckReceiptAsync(string boxKind, long boxId, string receipt, CancellationToken ct)
    {
        var hash = HashReceipt(receipt.Trim().ToUpperInvariant());
        if (await db.Set<CountedReceipt>().AnyAsync(r => r.BoxKind == boxKind && r.BoxId == boxId && r.ReceiptHash == hash, ct))
        {
            return ReceiptState.Counted;
        }
        var waiting = await db.Set<SealedBallot>().AsNoTracking().Where(b => b.BoxKind == boxKind && b.BoxId == boxId).Select(b => b.Content).ToListAsync(ct);
        return waiting.Any(content => Open(content, boxKind, boxId).ReceiptHash.AsSpan().SequenceEqual(hash))
            ? ReceiptState.Waiting
            : ReceiptState.Unknown;
    }

    private async Task<int> MixAsync(string boxKind, long boxId, int minimumBatch, CancellationToken ct)
    {
        var counter = Counter(boxKind);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var waiting = await db.Set<SealedBallot>().AsNoTracking()
            .Where(b => b.BoxKind == boxKind && b.BoxId == boxId)
            .ToListAsync(ct);
        if (waiting.Count == 0 || waiting.Count < minimumBatch)
        {
            return 0;
        }
        var ids = waiting.Select(b => b.Id).ToList();
        if (await db.Set<SealedBallot>().Where(b => ids.Contains(b.Id)).ExecuteDeleteAsync(ct) != waiting.Count)
        {
            // Another request or node is counting this batch.
            await transaction.RollbackAsync(ct);
            return 0;
        }
        var envelopes = waiting.Select(b => Open(b.Content, boxKind, boxId)).ToArray();
        RandomNumberGenerator.Shuffle(envelopes.AsSpan());
        await counter.CountAsync(db, boxId, envelopes.Select(e => e.Ballot).ToList(), ct);
        var receipts = envelopes.Select(e => e.ReceiptHash).ToArray();
        RandomNumberGenerator.Shuffle(receipts.AsSpan());
        foreach (var hash in receipts)
        {
            db.Add(new CountedReceipt { BoxKind = boxKind, BoxId = boxId, ReceiptHash = hash });
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return envelopes.Length;
    }

    private IBallotCounter Counter(string boxKind) =>
        counters.FirstOrDefault(c => c.BoxKind == boxKind)
        ?? throw new InvalidOperationException($"No IBallotCounter is registered for the ballot box kind '{boxKind}'.");

    private Envelope Open(byte[] content, string boxKind, long boxId) =>
        JsonSerializer.Deserialize<Envelope>(Unpad(sealer.Open(content, Purpose(boxKind, boxId))))
        ?? throw new InvalidOperationException("An empty sealed ballot.");

    private static string Purpose(string boxKind, long boxId) => $"ballot:{boxKind}:{boxId}";

    /// <summary>A length prefix, the bytes, then zeros up to a multiple of 512 bytes: every short ballot seals to the same size.</summary>
    private static byte[] Pad(byte[] content)
    {
        var padded = new byte[(4 + content.Length + PaddedBlock - 1) / PaddedBlock * PaddedBlock];
        BinaryPrimitives.WriteInt32LittleEndian(padded, content.Length);
        content.CopyTo(padded, 4);
        return padded;
    }

    private static byte[] Unpad(byte[] padded) => padded.AsSpan(4, BinaryPrimitives.ReadInt32LittleEndian(padded)).ToArray();

    /// <summary>Ten characters from an alphabet without look-alikes (about 50 bits), shown to the voter once.</summary>
    private static string NewReceiptCode() => RandomNumberGenerator.GetString("ABCDEFGHJKMNPQRSTUVWXYZ23456789", 10);

    private static byte[] HashReceipt(string receipt) => SHA256.HashData(Encoding.UTF8.GetBytes(receipt));

    private sealed record Envelope(byte[] ReceiptHash, string Ballot);
}

public enum ReceiptState
{
    /// <summary>No ballot of this box carries this receipt.</summary>
    Unknown,

    /// <summary>Cast, waiting for its batch to be counted.</summary>
    Waiting,

    Counted,
}
