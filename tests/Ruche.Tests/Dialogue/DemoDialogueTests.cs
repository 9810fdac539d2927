using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Ruche.Core.Data;
using Ruche.Core.Dialogue;
using Ruche.Core.People;
using Ruche.Core.Spaces;
using Ruche.Demo;

namespace Ruche.Tests.Dialogue;

/// <summary>The demo company has two unions with their agreement, their spaces run by their delegates only, posts and a broadcast.</summary>
public sealed class DemoDialogueTests
{
    [Fact]
    public async Task The_demo_unions_have_their_agreement_and_spaces_run_by_their_delegates_alone()
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
            var now = new DateTimeOffset(2026, 12, 7, 15, 0, 0, TimeSpan.Zero);
            await DemoCompany.SeedAsync(db, new PasswordHasher<Person>(), new FakeTimeProvider(now), CancellationToken.None);

            var unions = await db.Set<Union>().Include(u => u.Delegates).ThenInclude(d => d.Person).OrderBy(u => u.Id).ToListAsync();
            Assert.Equal(2, unions.Count);
            Assert.Equal("karim.benali", unions[0].Delegates.Single().Person!.Handle);
            var today = DateOnly.FromDateTime(now.UtcDateTime);
            Assert.Single(await db.Set<UnionAgreement>().ToListAsync(), a => a.IsInForceOn(today) && a.AllowsBroadcasts && a.BroadcastsPerMonth == 2);
            Assert.Equal(1, await db.Set<UnionBroadcast>().CountAsync());

            // One targeted HR message, partly read, everyone with a professional category, one communication manager.
            var message = await db.Set<Ruche.Core.Communication.CompanyMessage>().SingleAsync();
            Assert.True(message.Recipients >= 5 && message.Reads >= 5 && message.Reads < message.Recipients);
            Assert.Equal(message.Recipients, await db.Set<Ruche.Core.Communication.MessageDelivery>().CountAsync());
            Assert.False(await db.People.AnyAsync(p => p.JobCategory == null));
            Assert.True(await db.UserRoles.AnyAsync(ur => db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Ruche.Core.Common.RoleNames.Communication)));

            var administrators = db.UserRoles.Where(ur => db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Ruche.Core.Common.RoleNames.Administrator)).Select(ur => ur.UserId);
            foreach (var union in unions)
            {
                var owners = await db.SpaceMemberships.Where(m => m.SpaceId == union.SpaceId && m.Role != SpaceRole.Member).Select(m => m.PersonId).ToListAsync();
                Assert.Equal(union.Delegates.Select(d => d.PersonId).Order(), owners.Order());
                Assert.False(await db.SpaceMemberships.AnyAsync(m => m.SpaceId == union.SpaceId && administrators.Contains(m.PersonId)));
                Assert.True(await db.Posts.CountAsync(p => p.SpaceId == union.SpaceId) >= 2);
                Assert.True(await db.SpaceMemberships.CountAsync(m => m.SpaceId == union.SpaceId) >= 5);
                Assert.Equal(SpaceKind.Union, (await db.Spaces.SingleAsync(s => s.Id == union.SpaceId)).Kind);
                Assert.True(await db.Set<Ruche.Core.Polls.Poll>().AnyAsync(p => p.Post!.SpaceId == union.SpaceId && p.Anonymous));
                Assert.True(await db.Set<BroadcastChoice>().AnyAsync(c => c.UnionId == union.Id && c.Channel == UnionChannel.Polls));
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
