using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.Sealing;

namespace Ruche.Core.Ballots;

/// <summary>
/// Anonymous ballots for every feature that collects them (anonymous polls, pulse surveys), so that the database never
/// shows who chose what — design and limits in ADR 18:
/// <list type="number">
/// <item>Casting writes, in one transaction, the person's <see cref="BallotParticipation"/> (no choice) and a
/// <see cref="SealedBallot"/> (no person, no time, a random id), sealed with the key kept outside the database and
/// padded to one fixed size, so neither its content nor its length shows. The two rows are linkable (insertion order,
/// PostgreSQL's xmin): that is why the ballot is sealed, and why it does not stay long.</item>
/// <item>Once twice a batch waits, one transaction counts a random selection of all but one batch of them: it opens
/// and shuffles them, hands them to the feature's <see cref="IBallotCounter"/> (which adds to tallies or writes
/// answers) and deletes them. Which of the waiting voters were counted is random, what is written shares one
/// transaction and a random order, and at least a batch stays behind — so the closing never counts fewer than a batch
/// (unless fewer voted at all), and no change of a result is one person's.</item>
/// <item>A voter receives a receipt code once; its keyed fingerprint joins <see cref="CountedReceipt"/> when its ballot
/// is counted, so the voter can check it was, and nobody can test guesses without the key.</item>
/// </list>
/// Casting and counting take the box's lock (<see cref="IDatabaseProvider.SerializeAsync"/>): a ballot cast while the box
/// closes is either counted with the rest or refused, never left waiting.
/// </summary>
public sealed partial class BallotBox(RucheDbContext db, IDatabaseProvider provider, Sealer sealer, IEnumerable<IBallotCounter> counters, ILogger<BallotBox> logger)
{
    /// <summary>The smallest batch a box counts: no tally moves by fewer ballots, but at the closing of a box fewer voted in.</summary>
    public const int DefaultBatch = 5;

    /// <summary>The most a ballot holds once encoded (a survey's answers with their comments); every ballot is sealed at this size.</summary>
    public const int MaxBallotBytes = 16 * 1024;

    /// <summary>Casts <paramref name="ballot"/> (the feature's own encoding) and returns the voter's receipt code.</summary>
    /// <param name="batch">The box's batch, at least <see cref="DefaultBatch"/> (a survey may ask for its threshold).</param>
    public async Task<string> CastAsync(string boxKind, long boxId, long personId, string ballot, int batch, CancellationToken ct)
    {
        _ = Counter(boxKind);
        var receipt = NewReceiptCode();
        var content = Pad(JsonSerializer.SerializeToUtf8Bytes(new Envelope(sealer.Fingerprint(receipt, ReceiptPurpose(boxKind, boxId)), ballot)));
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            await provider.SerializeAsync(db, Lock(boxKind, boxId), ct);
            if (await db.Set<ClosedBallotBox>().AnyAsync(b => b.BoxKind == boxKind && b.BoxId == boxId, ct))
            {
                throw RucheException.Invalid("ballot.closed", "This box is closed: it takes no more answers.");
            }

            if (await HasCastAsync(boxKind, boxId, personId, ct))
            {
                throw RucheException.Invalid("ballot.already-cast", "This person has already answered.");
            }

            db.Add(new BallotParticipation { BoxKind = boxKind, BoxId = boxId, PersonId = personId });
            db.Add(new SealedBallot { Id = Guid.NewGuid(), BoxKind = boxKind, BoxId = boxId, Content = sealer.Seal(content, Purpose(boxKind, boxId)) });
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

            await transaction.CommitAsync(ct);
        }

        try
        {
            // The ballot is cast: counting is the box's business, and a failure there must not cost the voter their receipt.
            await CountAsync(boxKind, boxId, Math.Max(batch, DefaultBatch), closing: false, ct);
        }
        catch (Exception failure) when (failure is DbUpdateException or InvalidOperationException or CryptographicException)
        {
            db.ChangeTracker.Clear();
            CountingFailed(logger, boxKind, boxId, failure);
        }

        return receipt;
    }

    public Task<bool> HasCastAsync(string boxKind, long boxId, long personId, CancellationToken ct) =>
        db.Set<BallotParticipation>().AnyAsync(p => p.BoxKind == boxKind && p.BoxId == boxId && p.PersonId == personId, ct);

    public Task<int> ParticipantCountAsync(string boxKind, long boxId, CancellationToken ct) =>
        db.Set<BallotParticipation>().CountAsync(p => p.BoxKind == boxKind && p.BoxId == boxId, ct);

    /// <summary>Ballots cast but not counted yet (they wait for enough others, or the box's closing).</summary>
    public Task<int> WaitingCountAsync(string boxKind, long boxId, CancellationToken ct) =>
        db.Set<SealedBallot>().CountAsync(b => b.BoxKind == boxKind && b.BoxId == boxId, ct);

    /// <summary>Closes the box: it takes no more ballots, and every ballot still waiting is counted. Idempotent.</summary>
    public Task<int> CloseAsync(string boxKind, long boxId, CancellationToken ct) => CountAsync(boxKind, boxId, DefaultBatch, closing: true, ct);

    public async Task<ReceiptState> CheckReceiptAsync(string boxKind, long boxId, string receipt, CancellationToken ct)
    {
        var fingerprint = sealer.Fingerprint(receipt.Trim().ToUpperInvariant(), ReceiptPurpose(boxKind, boxId));
        if (await db.Set<CountedReceipt>().AnyAsync(r => r.BoxKind == boxKind && r.BoxId == boxId && r.ReceiptHash == fingerprint, ct))
        {
            return ReceiptState.Counted;
        }

        var waiting = await db.Set<SealedBallot>().AsNoTracking().Where(b => b.BoxKind == boxKind && b.BoxId == boxId).Select(b => b.Content).ToListAsync(ct);
        return waiting.Any(content => Open(content, boxKind, boxId).ReceiptHash.AsSpan().SequenceEqual(fingerprint))
            ? ReceiptState.Waiting
            : ReceiptState.Unknown;
    }

    private async Task<int> CountAsync(string boxKind, long boxId, int batch, bool closing, CancellationToken ct)
    {
        var counter = Counter(boxKind);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await provider.SerializeAsync(db, Lock(boxKind, boxId), ct);
        var closed = await db.Set<ClosedBallotBox>().AnyAsync(b => b.BoxKind == boxKind && b.BoxId == boxId, ct);
        if (closing && !closed)
        {
            db.Add(new ClosedBallotBox { BoxKind = boxKind, BoxId = boxId });
        }

        var waiting = await db.Set<SealedBallot>().AsNoTracking().Where(b => b.BoxKind == boxKind && b.BoxId == boxId).ToListAsync(ct);
        var counted = closing ? waiting.Count : waiting.Count >= 2 * batch ? waiting.Count - batch : 0;
        if (counted == 0)
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return 0;
        }

        var chosen = waiting.ToArray();
        RandomNumberGenerator.Shuffle(chosen.AsSpan());
        chosen = chosen[..counted];
        var ids = chosen.Select(b => b.Id).ToList();
        if (await db.Set<SealedBallot>().Where(b => ids.Contains(b.Id)).ExecuteDeleteAsync(ct) != counted)
        {
            throw new InvalidOperationException("Sealed ballots went missing while their box was locked.");
        }

        var envelopes = chosen.Select(b => Open(b.Content, boxKind, boxId)).ToArray();
        await counter.CountAsync(db, boxId, envelopes.Select(e => e.Ballot).ToList(), ct);
        var receipts = envelopes.Select(e => e.ReceiptHash).ToArray();
        RandomNumberGenerator.Shuffle(receipts.AsSpan());
        foreach (var fingerprint in receipts)
        {
            db.Add(new CountedReceipt { BoxKind = boxKind, BoxId = boxId, ReceiptHash = fingerprint });
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return counted;
    }

    private IBallotCounter Counter(string boxKind) =>
        counters.FirstOrDefault(c => c.BoxKind == boxKind)
        ?? throw new InvalidOperationException($"No IBallotCounter is registered for the ballot box kind '{boxKind}'.");

    private Envelope Open(byte[] content, string boxKind, long boxId) =>
        JsonSerializer.Deserialize<Envelope>(Unpad(sealer.Open(content, Purpose(boxKind, boxId))))
        ?? throw new InvalidOperationException("An empty sealed ballot.");

    private static string Lock(string boxKind, long boxId) => $"ballot-box:{boxKind}:{boxId}";

    private static string Purpose(string boxKind, long boxId) => $"ballot:{boxKind}:{boxId}";

    private static string ReceiptPurpose(string boxKind, long boxId) => $"ballot-receipt:{boxKind}:{boxId}";

    /// <summary>A length prefix, the bytes, then zeros up to <see cref="MaxBallotBytes"/>: every ballot seals to one size.</summary>
    private static byte[] Pad(byte[] content)
    {
        if (content.Length > MaxBallotBytes - 4)
        {
            throw RucheException.Invalid("ballot.too-long", $"An answer holds at most {MaxBallotBytes / 1024} KB once encoded.");
        }

        var padded = new byte[MaxBallotBytes];
        BinaryPrimitives.WriteInt32LittleEndian(padded, content.Length);
        content.CopyTo(padded, 4);
        return padded;
    }

    private static byte[] Unpad(byte[] padded) => padded.AsSpan(4, BinaryPrimitives.ReadInt32LittleEndian(padded)).ToArray();

    /// <summary>Ten characters from an alphabet without look-alikes (about 50 bits), shown to the voter once.</summary>
    private static string NewReceiptCode() => RandomNumberGenerator.GetString("ABCDEFGHJKMNPQRSTUVWXYZ23456789", 10);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Counting the waiting ballots of box {BoxKind} {BoxId} failed; they stay sealed until the next count")]
    private static partial void CountingFailed(ILogger logger, string boxKind, long boxId, Exception failure);

    private sealed record Envelope(byte[] ReceiptHash, string Ballot);
}

public enum ReceiptState
{
    /// <summary>No ballot of this box carries this receipt.</summary>
    Unknown,

    /// <summary>Cast, waiting to be counted with others.</summary>
    Waiting,

    Counted,
}
