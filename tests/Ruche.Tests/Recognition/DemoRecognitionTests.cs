using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Ruche.Core.Data;
using Ruche.Core.People;
using Ruche.Core.Recognition;
using Ruche.Demo;

namespace Ruche.Tests.Recognition;

/// <summary>The demo company shows recognition: its values, thanks across values, people and teams, a question with helpful answers and a best answer, and badges earned by those acts.</summary>
public sealed class DemoRecognitionTests
{
    [Fact]
    public async Task The_demo_has_values_kudos_a_question_answered_and_badges_earned_by_real_acts()
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

            await DemoCompany.SeedAsync(db, new PasswordHasher<Person>(), TimeProvider.System, null, CancellationToken.None);

            Assert.Equal(5, await db.Set<CompanyValue>().CountAsync());
            Assert.True(await db.Set<Kudos>().Select(k => k.ValueId).Distinct().CountAsync() >= 5);
            Assert.True(await db.Set<Kudos>().Select(k => k.PersonId).Distinct().CountAsync() >= 8);
            Assert.True(await db.Set<Kudos>().AnyAsync(k => k.SpaceId != null));
            Assert.False(await db.Set<Kudos>().AnyAsync(k => k.PersonId == k.GiverId));
            var question = await db.Set<Question>().SingleAsync();
            Assert.NotNull(question.BestCommentId);
            Assert.Equal(2, await db.Set<HelpfulMark>().CountAsync(m => m.PostId == question.PostId));

            // Badges from the demo's own acts: accepted ideas, the best answer, thanks for three values.
            var badges = await db.Set<EarnedBadge>().Select(b => b.Badge).Distinct().ToListAsync();
            Assert.Contains(Badges.IdeaAccepted, badges);
            Assert.Contains(Badges.BestAnswer, badges);
            Assert.Contains(Badges.ManyValues, badges);
            Assert.DoesNotContain(Badges.HelpfulAnswers, badges);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
