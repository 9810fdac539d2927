using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Ruche.Core.Ballots;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.People;
using Ruche.Core.Sealing;
using Ruche.Core.Surveys;
using Ruche.Demo;
using Ruche.Tests.Infrastructure;

namespace Ruche.Tests.Surveys;

/// <summary>The demo company's pulse survey: four rounds answered through the ballot box and published, one open now.</summary>
public sealed class DemoSurveysTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_demo_pulse_survey_has_four_published_rounds_with_charts_by_site_and_one_open_round()
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
            var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 11, 15, 0, 0, TimeSpan.Zero));
            var sealer = new Sealer(SealingKey.Random());
            await DemoCompany.SeedAsync(db, new PasswordHasher<Person>(), time, TestBallotBoxes.For(db, provider, sealer), CancellationToken.None);

            var hr = new Viewer(await db.Roles.Where(r => r.Name == RoleNames.HumanResources).Join(db.UserRoles, r => r.Id, u => u.RoleId, (_, u) => u.UserId).FirstAsync(), new HashSet<string> { RoleNames.HumanResources });
            var survey = await db.Set<Survey>().SingleAsync();
            var results = await new SurveyResultsReader(db, TestBallotBoxes.For(db, provider, sealer), time, sealer).ResultsAsync(hr, survey.Id, CancellationToken.None);

            var published = results.Rounds.Where(r => r.State == RoundState.Published).ToList();
            Assert.Equal(4, published.Count);
            Assert.All(published, r => Assert.True(r.Respondents >= 35 && r.Groups.Count >= 2, $"round {r.Number}: {r.Respondents}, {r.Groups.Count} groups"));
            var open = Assert.Single(results.Rounds, r => r.State == RoundState.Open);
            Assert.True(open.Participants > 10);
            var likert = results.Questions.First(q => q.Kind == SurveyQuestionKind.Likert);
            Assert.Equal(4, likert.Rounds.Count(r => r.Company is not null));
            Assert.Contains(results.Questions, q => q.Kind == SurveyQuestionKind.Text && q.Rounds.Any(r => r.Comments is { Count: > 3 }));
            Assert.Equal(0, await db.Set<SealedBallot>().CountAsync(b => b.BoxKind == SurveyBallotCounter.Kind && published.Select(p => p.Id).Contains(b.BoxId)));
            output.WriteLine(string.Join("; ", published.Select(r => $"round {r.Number}: {r.Respondents} respondents, groups {string.Join(", ", r.Groups.Select(g => $"{g.Label} {g.Respondents}"))}")));
            output.WriteLine($"Open round: {open.Participants} answered; Likert means {string.Join(", ", likert.Rounds.Select(r => r.Company?.Mean))}");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
