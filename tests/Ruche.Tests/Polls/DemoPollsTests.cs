using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Ruche.Core.Ballots;
using Ruche.Core.Data;
using Ruche.Core.People;
using Ruche.Core.Polls;
using Ruche.Core.Sealing;
using Ruche.Demo;
using Ruche.Tests.Infrastructure;

namespace Ruche.Tests.Polls;

/// <summary>The demo company's Café holds an open named poll, an open anonymous poll voted through the real ballot box, and a closed poll.</summary>
public sealed class DemoPollsTests
{
    [Fact]
    public async Task The_demo_cafe_has_an_open_named_poll_an_anonymous_poll_counted_by_batches_and_a_closed_poll()
    {
        var folder = Path.Combine(Path.GetTempPath(), "ruche-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var provider = new Ruche.Data.Sqlite.SqliteDatabaseProvider();
            var connection = $"Data Source={Path.Combine(folder, "demo.db")}";
            provider.PrepareStorage(connection);
            var builder = new DbContextOptionsBuilder<RucheDbContext>();
            provider.Configure(builder, connection);
            await using var db = new RucheDbContext(builder.Options);
            await db.Database.MigrateAsync();
            var box = TestBallotBoxes.For(db, provider, new Sealer(SealingKey.Random()));

            await DemoCompany.SeedAsync(db, new PasswordHasher<Person>(), TimeProvider.System, box, CancellationToken.None);

            // The Café's polls (the unions' own are the union demo's, DemoDialogueTests).
            var polls = await db.Set<Poll>().Include(p => p.Options).Include(p => p.Post).Where(p => p.Post!.Space!.IsDefault).ToListAsync();
            Assert.Equal(3, polls.Count);
            Assert.All(polls, p => Assert.True(p.Post!.SpaceId is not null));
            var named = Assert.Single(polls, p => !p.Anonymous && p.ClosedAt is null);
            Assert.True(await db.Set<PollVote>().CountAsync(v => v.PollId == named.Id) > 10);
            var anonymous = Assert.Single(polls, p => p.Anonymous);
            Assert.Null(anonymous.ClosedAt);
            Assert.Equal(12, await box.ParticipantCountAsync(PollCounter.Kind, anonymous.Id, default));
            Assert.Equal(5, anonymous.CountedBallots);
            Assert.Equal(5, anonymous.Options.Sum(o => o.Tally));
            Assert.Equal(7, await box.WaitingCountAsync(PollCounter.Kind, anonymous.Id, default));
            Assert.False(await db.Set<PollVote>().AnyAsync(v => v.PollId == anonymous.Id));
            var closed = Assert.Single(polls, p => p.ClosedAt is not null);
            Assert.True(closed.MultipleChoice);
            Assert.True(await db.Set<PollVote>().Where(v => v.PollId == closed.Id).Select(v => v.PersonId).Distinct().CountAsync() > 10);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
