using System.Collections.Concurrent;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ruche.Core.Ballots;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.Sealing;
using Ruche.Tests.Infrastructure;

namespace Ruche.Tests.Ballots;

/// <summary>
/// The anonymous ballot box on a real database: ballots are sealed until a batch is counted, counted in random order
/// all at once, never twice, and a voter's receipt says "waiting" then "counted" and nothing of the choice.
/// </summary>
public abstract class BallotBoxTests(RucheApp app) : ProviderTests(app)
{
    private const string Kind = "test-box";
    private static long nextBox = 1_000;

    [Fact]
    public async Task Ballots_wait_sealed_until_a_batch_is_full_then_are_counted_together_in_random_order()
    {
        var shuffledRounds = 0;
        for (var round = 0; round < 3; round++)
        {
            var box = Interlocked.Increment(ref nextBox);
            var counter = new RecordingCounter();
            var cast = new List<string>();
            for (var i = 0; i < 8; i++)
            {
                var ballot = $"choice-{i}";
                cast.Add(ballot);
                await UseBoxAsync(counter, b => b.CastAsync(Kind, box, 1_000 + i, ballot, minimumBatch: 8, default));
                Assert.Equal(i < 7 ? 0 : 8, counter.Counted(box).Count);
            }
            Assert.Equal(cast.Order(), counter.Counted(box).Order());
            shuffledRounds += counter.Counted(box).SequenceEqual(cast) ? 0 : 1;
            await UseDbAsync(async db => Assert.Equal(0, await db.Set<SealedBallot>().CountAsync(b => b.BoxId == box)));
        }
        Assert.NotEqual(0, shuffledRounds);
    }

    [Fact]
    public async Task A_second_ballot_of_the_same_person_is_refused_and_changes_nothing()
    {
        var box = Interlocked.Increment(ref nextBox);
        var counter = new RecordingCounter();
        await UseBoxAsync(counter, b => b.CastAsync(Kind, box, 7, "oui", BallotBox.DefaultBatch, default));

        var refusal = await Assert.ThrowsAsync<RucheException>(() => UseBoxAsync(counter, b => b.CastAsync(Kind, box, 7, "non", BallotBox.DefaultBatch, default)));

        Assert.Equal("ballot.already-cast", refusal.Code);
        await UseBoxAsync(counter, async b =>
        {
            Assert.Equal(1, await b.ParticipantCountAsync(Kind, box, default));
            Assert.Equal(1, await b.WaitingCountAsync(Kind, box, default));
            Assert.Equal(1, await b.CloseAsync(Kind, box, default));
            return "";
        });
        Assert.Equal(["oui"], counter.Counted(box));
    }

    [Fact]
    public async Task What_the_database_holds_never_shows_a_choice_or_its_length_and_the_ballot_rows_name_no_person_or_time()
    {
        var box = Interlocked.Increment(ref nextBox);
        var counter = new RecordingCounter();
        await UseBoxAsync(counter, b => b.CastAsync(Kind, box, 1, "Marguerite", 10, default));
        await UseBoxAsync(counter, b => b.CastAsync(Kind, box, 2, "A much longer free-text answer about the canteen menu", 10, default));

        await UseDbAsync(async db =>
        {
            var sealedBallots = await db.Set<SealedBallot>().Where(b => b.BoxId == box).ToListAsync();
            Assert.Equal(2, sealedBallots.Count);
            Assert.Single(sealedBallots.Select(b => b.Content.Length).Distinct());
            Assert.All(sealedBallots, b => Assert.DoesNotContain("Marguerite", Encoding.UTF8.GetString(b.Content), StringComparison.Ordinal));

            foreach (var type in new[] { typeof(SealedBallot), typeof(CountedReceipt) })
            {
                var columns = db.Model.FindEntityType(type)!.GetProperties().Select(p => p.Name).ToList();
                Assert.DoesNotContain(columns, c => c.Contains("Person", StringComparison.Ordinal) || c.EndsWith("At", StringComparison.Ordinal) || c.Contains("Date", StringComparison.Ordinal) || c.Contains("Time", StringComparison.Ordinal));
                Assert.DoesNotContain(db.Model.FindEntityType(type)!.GetProperties(), p => p.ValueGenerated != Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never && p.IsKey());
            }
            Assert.DoesNotContain(db.Model.FindEntityType(typeof(BallotParticipation))!.GetProperties(), p => p.ClrType != typeof(long) && p.ClrType != typeof(string));
        });
    }

    [Fact]
    public async Task A_receipt_says_waiting_then_counted_and_an_unknown_code_is_unknown()
    {
        var box = Interlocked.Increment(ref nextBox);
        var counter = new RecordingCounter();
        var receipt = await UseBoxAsync(counter, b => b.CastAsync(Kind, box, 1, "oui", 2, default));

        Assert.Matches("^[A-Z2-9]{10}$", receipt);
        Assert.Equal(ReceiptState.Waiting, await UseBoxAsync(counter, b => b.CheckReceiptAsync(Kind, box, receipt.ToLowerInvariant(), default)));
        await UseBoxAsync(counter, b => b.CastAsync(Kind, box, 2, "non", 2, default));
        Assert.Equal(ReceiptState.Counted, await UseBoxAsync(counter, b => b.CheckReceiptAsync(Kind, box, receipt, default)));
        Assert.Equal(ReceiptState.Unknown, await UseBoxAsync(counter, b => b.CheckReceiptAsync(Kind, box, "ABCDEFGHJK", default)));
        Assert.Equal(ReceiptState.Unknown, await UseBoxAsync(counter, b => b.CheckReceiptAsync(Kind, box + 1_000_000, receipt, default)));
    }

    [Fact]
    public async Task Closing_from_several_requests_at_once_counts_each_ballot_once()
    {
        var box = Interlocked.Increment(ref nextBox);
        var counter = new RecordingCounter();
        for (var i = 0; i < 4; i++)
        {
            await UseBoxAsync(counter, b => b.CastAsync(Kind, box, 100 + i, $"b{i}", 50, default));
        }

        var closings = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => UseBoxAsync(counter, async b =>
        {
            try
            {
                return await b.CloseAsync(Kind, box, default);
            }
            catch (DbUpdateException)
            {
                return 0;
            }
            catch (InvalidOperationException)
            {
                return 0;
            }
        }))));

        Assert.Equal(4, closings.Sum());
        Assert.Equal(4, counter.Counted(box).Count);
    }

    private async Task<T> UseBoxAsync<T>(RecordingCounter counter, Func<BallotBox, Task<T>> use)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RucheDbContext>();
        return await use(new BallotBox(db, scope.ServiceProvider.GetRequiredService<Sealer>(), [counter]));
    }

    private async Task UseDbAsync(Func<RucheDbContext, Task> use)
    {
        await using var scope = App.Services.CreateAsyncScope();
        await use(scope.ServiceProvider.GetRequiredService<RucheDbContext>());
    }

    private sealed class RecordingCounter : IBallotCounter
    {
        private readonly ConcurrentDictionary<long, List<string>> counted = new();

        public string BoxKind => Kind;

        public List<string> Counted(long box) => counted.GetOrAdd(box, _ => []);

        public Task CountAsync(RucheDbContext db, long boxId, IReadOnlyList<string> ballots, CancellationToken ct)
        {
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
