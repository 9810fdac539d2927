using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Ruche.Core.Ballots;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.Sealing;
using Ruche.Tests.Infrastructure;

namespace Ruche.Tests.Ballots;

/// <summary>
/// The anonymous ballot box on a real database: ballots stay sealed until enough wait, a random selection of all but one
/// batch is counted at once, the closing counts the rest (never fewer than a batch when a batch voted), nothing is
/// counted twice or left waiting, and a receipt says "waiting" then "counted" and nothing of the choice.
/// </summary>
public abstract class BallotBoxTests(RucheApp app) : ProviderTests(app)
{
    private const string Kind = "test-box";
    private static long nextBox = 1_000;

    [Fact]
    public async Task Ballots_are_counted_by_random_selections_that_always_leave_a_batch_waiting_and_the_closing_counts_the_rest()
    {
        var firstCountWasTheEarliest = 0;
        for (var round = 0; round < 3; round++)
        {
            var box = Interlocked.Increment(ref nextBox);
            var counter = new RecordingCounter();
            var cast = new List<string>();
            for (var i = 0; i < 10; i++)
            {
                cast.Add($"choice-{i}");
                await UseBoxAsync(counter, b => b.CastAsync(Kind, box, 1_000 + i, cast[^1], BallotBox.DefaultBatch, default));
                Assert.Equal(i < 9 ? 0 : 5, counter.Counted(box).Count);
            }

            firstCountWasTheEarliest += counter.Counted(box).Order().SequenceEqual(cast.Take(5)) ? 1 : 0;
            Assert.Equal(5, await UseBoxAsync(counter, b => b.WaitingCountAsync(Kind, box, default)));
            Assert.Equal(5, await UseBoxAsync(counter, b => b.CloseAsync(Kind, box, default)));
            Assert.Equal(0, await UseBoxAsync(counter, b => b.CloseAsync(Kind, box, default)));
            Assert.Equal(cast.Order(), counter.Counted(box).Order());
        }

        Assert.NotEqual(3, firstCountWasTheEarliest);
    }

    [Fact]
    public async Task A_closed_box_refuses_ballots_and_a_second_ballot_of_the_same_person_is_refused_and_changes_nothing()
    {
        var box = Interlocked.Increment(ref nextBox);
        var counter = new RecordingCounter();
        await UseBoxAsync(counter, b => b.CastAsync(Kind, box, 7, "oui", BallotBox.DefaultBatch, default));

        var again = await Assert.ThrowsAsync<RucheException>(() => UseBoxAsync(counter, b => b.CastAsync(Kind, box, 7, "non", BallotBox.DefaultBatch, default)));
        Assert.Equal("ballot.already-cast", again.Code);
        Assert.Equal(1, await UseBoxAsync(counter, b => b.ParticipantCountAsync(Kind, box, default)));
        Assert.Equal(1, await UseBoxAsync(counter, b => b.WaitingCountAsync(Kind, box, default)));

        Assert.Equal(1, await UseBoxAsync(counter, b => b.CloseAsync(Kind, box, default)));
        var late = await Assert.ThrowsAsync<RucheException>(() => UseBoxAsync(counter, b => b.CastAsync(Kind, box, 8, "oui", BallotBox.DefaultBatch, default)));

        Assert.Equal("ballot.closed", late.Code);
        Assert.Equal(["oui"], counter.Counted(box));
        Assert.False(await UseBoxAsync(counter, b => b.HasCastAsync(Kind, box, 8, default)));
    }

    [Fact]
    public async Task Every_ballot_is_sealed_at_one_size_whatever_it_holds_and_the_ballot_rows_name_no_person_or_time()
    {
        var box = Interlocked.Increment(ref nextBox);
        var counter = new RecordingCounter();
        await UseBoxAsync(counter, b => b.CastAsync(Kind, box, 1, "Marguerite", 50, default));
        await UseBoxAsync(counter, b => b.CastAsync(Kind, box, 2, string.Concat(Enumerable.Repeat("Une remarque très détaillée sur la cantine. ", 200)), 50, default));
        var tooLong = await Assert.ThrowsAsync<RucheException>(() => UseBoxAsync(counter, b => b.CastAsync(Kind, box, 3, new string('é', BallotBox.MaxBallotBytes), 50, default)));

        Assert.Equal("ballot.too-long", tooLong.Code);
        await UseDbAsync(async db =>
        {
            var sealedBallots = await db.Set<SealedBallot>().Where(b => b.BoxId == box).ToListAsync();
            Assert.Equal(2, sealedBallots.Count);
            Assert.Single(sealedBallots.Select(b => b.Content.Length).Distinct());
            Assert.All(sealedBallots, b => Assert.DoesNotContain("Marguerite", Encoding.UTF8.GetString(b.Content), StringComparison.Ordinal));
            Assert.Equal(2, await db.Set<BallotParticipation>().CountAsync(p => p.BoxId == box));

            foreach (var type in new[] { typeof(SealedBallot), typeof(CountedReceipt), typeof(ClosedBallotBox) })
            {
                var entity = db.Model.FindEntityType(type)!;
                Assert.All(entity.GetProperties(), p => Assert.True(
                    p.ClrType == typeof(string) || p.ClrType == typeof(byte[]) || p.ClrType == typeof(Guid) || p.Name == "BoxId",
                    $"{type.Name}.{p.Name} ({p.ClrType.Name}) could carry a person, a time or a sequence"));
                Assert.DoesNotContain(entity.GetProperties(), p => p.ValueGenerated != Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never && p.IsKey());
            }
        });
    }

    [Fact]
    public async Task A_receipt_says_waiting_then_counted_and_its_stored_fingerprint_cannot_be_recomputed_without_the_key()
    {
        var box = Interlocked.Increment(ref nextBox);
        var counter = new RecordingCounter();
        var receipt = await UseBoxAsync(counter, b => b.CastAsync(Kind, box, 1, "oui", BallotBox.DefaultBatch, default));

        Assert.Matches("^[A-Z2-9]{10}$", receipt);
        Assert.Equal(ReceiptState.Waiting, await UseBoxAsync(counter, b => b.CheckReceiptAsync(Kind, box, receipt.ToLowerInvariant(), default)));
        await UseBoxAsync(counter, b => b.CloseAsync(Kind, box, default));
        Assert.Equal(ReceiptState.Counted, await UseBoxAsync(counter, b => b.CheckReceiptAsync(Kind, box, receipt, default)));
        Assert.Equal(ReceiptState.Unknown, await UseBoxAsync(counter, b => b.CheckReceiptAsync(Kind, box, "ABCDEFGHJK", default)));
        Assert.Equal(ReceiptState.Unknown, await UseBoxAsync(counter, b => b.CheckReceiptAsync(Kind, box + 1_000_000, receipt, default)));
        await UseDbAsync(async db =>
        {
            var stored = await db.Set<CountedReceipt>().Where(r => r.BoxId == box).Select(r => r.ReceiptHash).SingleAsync();
            Assert.NotEqual(SHA256.HashData(Encoding.UTF8.GetBytes(receipt)), stored);
        });
    }

    [Fact]
    public async Task Closing_from_several_requests_at_once_counts_each_ballot_once()
    {
        var box = Interlocked.Increment(ref nextBox);
        var counter = new RecordingCounter();
        for (var i = 0; i < 7; i++)
        {
            await UseBoxAsync(counter, b => b.CastAsync(Kind, box, 100 + i, $"b{i}", BallotBox.DefaultBatch, default));
        }

        var closings = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => UseBoxAsync(counter, b => b.CloseAsync(Kind, box, default)))));

        Assert.Equal(7, closings.Sum());
        Assert.Equal(7, counter.Counted(box).Count);
    }

    [Fact]
    public async Task A_count_that_fails_keeps_the_ballot_sealed_and_the_voter_their_receipt()
    {
        var box = Interlocked.Increment(ref nextBox);
        var failing = new RecordingCounter { Fails = true };
        var receipts = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            receipts.Add(await UseBoxAsync(failing, b => b.CastAsync(Kind, box, 300 + i, $"c{i}", BallotBox.DefaultBatch, default)));
        }

        Assert.Equal(10, await UseBoxAsync(failing, b => b.WaitingCountAsync(Kind, box, default)));
        var working = new RecordingCounter();
        Assert.Equal(10, await UseBoxAsync(working, b => b.CloseAsync(Kind, box, default)));
        Assert.Equal(10, working.Counted(box).Count);
        Assert.Equal(ReceiptState.Counted, await UseBoxAsync(working, b => b.CheckReceiptAsync(Kind, box, receipts[0], default)));
    }

    private async Task<T> UseBoxAsync<T>(RecordingCounter counter, Func<BallotBox, Task<T>> use)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        return await use(new BallotBox(
            services.GetRequiredService<RucheDbContext>(), services.GetRequiredService<IDatabaseProvider>(), services.GetRequiredService<Sealer>(), [counter], NullLogger<BallotBox>.Instance));
    }

    private async Task UseDbAsync(Func<RucheDbContext, Task> use)
    {
        await using var scope = App.Services.CreateAsyncScope();
        await use(scope.ServiceProvider.GetRequiredService<RucheDbContext>());
    }

    private sealed class RecordingCounter : IBallotCounter
    {
        private readonly ConcurrentDictionary<long, List<string>> counted = new();

        public bool Fails { get; init; }

        public string BoxKind => Kind;

        public List<string> Counted(long box) => counted.GetOrAdd(box, _ => []);

        public Task CountAsync(RucheDbContext db, long boxId, IReadOnlyList<string> ballots, CancellationToken ct)
        {
            if (Fails)
            {
                throw new InvalidOperationException("This counter is broken.");
            }

            lock (counted)
            {
                Counted(boxId).AddRange(ballots);
            }

            return Task.CompletedTask;
        }
    }
}

public sealed class BallotBoxTestsOnSqlite(SqliteApp app) : BallotBoxTests(app), IClassFixture<SqliteApp>;

public sealed class BallotBoxTestsOnPostgres(PostgresApp app) : BallotBoxTests(app), IClassFixture<PostgresApp>;
