using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Ruche.Core.Data;
using Ruche.Core.Goals;
using Ruche.Core.People;
using Ruche.Demo;

namespace Ruche.Tests.Goals;

/// <summary>The demo company comes with weeks of daily goals for its team spread over Paris, Montréal and Singapore.</summary>
public sealed class DemoGoalsTests(Xunit.ITestOutputHelper output)
{
    [Fact]
    public async Task The_demo_engineering_team_has_weeks_of_goals_in_three_sites_and_today_open()
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

            // Wednesday 11 March 2026, 15:00 UTC: the working day has begun in Paris and Montréal, and is over in Singapore.
            var now = new DateTimeOffset(2026, 3, 11, 15, 0, 0, TimeSpan.Zero);
            await DemoCompany.SeedAsync(db, new PasswordHasher<Person>(), new FakeTimeProvider(now), CancellationToken.None);

            var perSite = await db.GoalLists.GroupBy(l => l.Person!.Site!.Name).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key!, g => g.Count);
            Assert.True(perSite.Count == 3 && perSite.Values.All(c => c > 10), string.Join(", ", perSite.Select(p => $"{p.Key}: {p.Value}")));
            var today = new DateOnly(2026, 3, 11);
            Assert.True(await db.GoalLists.CountAsync(l => l.LocalDate == today) >= 3);
            Assert.True(await db.Goals.CountAsync(g => g.Status == GoalStatus.Done) > await db.Goals.CountAsync(g => g.Status == GoalStatus.Dropped));
            Assert.True(await db.GoalSuggestions.AnyAsync(s => s.Status == SuggestionStatus.Replaced));
            Assert.False(await db.GoalLists.AnyAsync(l => l.LocalDate.DayOfWeek == DayOfWeek.Saturday || l.LocalDate.DayOfWeek == DayOfWeek.Sunday));
            Assert.True(await db.Posts.CountAsync(p => db.GoalLists.Any(l => l.PostId == p.Id) && p.Tags.Any(t => t.Tag == "3goalsaday")) == await db.GoalLists.CountAsync());

            // An engineer's home feed: by id, as it was, check-ins drowned it; now it holds people's posts, newest first,
            // and today's goals fold into one card.
            var engineer = await db.GoalLists.Where(l => l.LocalDate == today).Select(l => l.PersonId).FirstAsync();
            var byId = await Ruche.Core.Feeds.FeedService.HomeReach(db, engineer).OrderByDescending(p => p.Id).Take(20)
                .Select(p => new { IsGoals = db.GoalLists.Any(l => l.PostId == p.Id), p.CreatedAt }).ToListAsync();
            var home = await Ruche.Core.Feeds.FeedService.HomePosts(db, engineer).OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id).Take(20)
                .Select(p => new { IsGoals = db.GoalLists.Any(l => l.PostId == p.Id), p.CreatedAt }).ToListAsync();
            output.WriteLine($"Before: {byId.Count(p => p.IsGoals)} of the first {byId.Count} are check-ins; dates in order: {byId.Zip(byId.Skip(1)).All(x => x.First.CreatedAt >= x.Second.CreatedAt)}");
            output.WriteLine($"After: {home.Count(p => p.IsGoals)} of the first {home.Count} are check-ins");
            Assert.Equal(20, home.Count);
            Assert.DoesNotContain(home, p => p.IsGoals);
            Assert.Equal(home.Select(p => p.CreatedAt).OrderDescending(), home.Select(p => p.CreatedAt));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
