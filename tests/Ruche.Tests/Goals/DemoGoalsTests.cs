using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Ruche.Core.Data;
using Ruche.Core.Goals;
using Ruche.Core.People;
using Ruche.Demo;

namespace Ruche.Tests.Goals;

/// <summary>The demo company comes with weeks of daily goals for its team spread over Paris, Montréal and Singapore.</summary>
public sealed class DemoGoalsTests
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
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
