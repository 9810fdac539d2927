using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.Feeds;
using Ruche.Core.Files;
using Ruche.Core.People;
using Ruche.Core.Spaces;
using Ruche.Data.Sqlite;
using Ruche.Demo;

namespace Ruche.Bench;

/// <summary>
/// One page (20 posts) of each feed for a demo employee, on the embedded SQLite default: the work of one
/// request below HTTP. The demo company is seeded once into a temporary file.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class FeedBenchmarks
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "ruche-bench", Guid.NewGuid().ToString("N"));
    private DbContextOptions<RucheDbContext> options = default!;
    private Viewer viewer = default!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        Directory.CreateDirectory(folder);
        var provider = new SqliteDatabaseProvider();
        var connection = $"Data Source={Path.Combine(folder, "bench.db")}";
        provider.PrepareStorage(connection);
        var builder = new DbContextOptionsBuilder<RucheDbContext>();
        provider.Configure(builder, connection);
        options = builder.Options;
        await using var db = new RucheDbContext(options);
        await db.Database.MigrateAsync();
        await DemoCompany.SeedAsync(db, new PasswordHasher<Person>(), TimeProvider.System, CancellationToken.None);
        var id = await db.People.Where(p => p.Handle == "julien.roux").Select(p => p.Id).SingleAsync();
        viewer = new Viewer(id, new HashSet<string> { RoleNames.Employee });
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Benchmark]
    public async Task<int> HomeFeedPage()
    {
        await using var db = new RucheDbContext(options);
        return (await Feeds(db).HomeAsync(viewer, null, 20, CancellationToken.None)).Items.Count;
    }

    [Benchmark]
    public async Task<int> CompanyFeedPage()
    {
        await using var db = new RucheDbContext(options);
        return (await Feeds(db).CompanyAsync(viewer, null, 20, CancellationToken.None)).Items.Count;
    }

    [Benchmark]
    public async Task<int> TagFeedPage()
    {
        await using var db = new RucheDbContext(options);
        return (await Feeds(db).TagAsync(viewer, "atlas", null, 20, CancellationToken.None)).Items.Count;
    }

    private FeedService Feeds(RucheDbContext db)
    {
        var goalLists = new Ruche.Core.Goals.GoalListLoader(db, TimeProvider.System);
        var notifier = new Ruche.Core.Notifications.Notifier(db, new SqliteDatabaseProvider(), new Ruche.Core.Subjects.SubjectKinds([]), new SilentLiveChannel(), TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<Ruche.Core.Notifications.Notifier>.Instance);
        var ballots = new Ruche.Core.Ballots.BallotBox(db, new SqliteDatabaseProvider(), new Ruche.Core.Sealing.Sealer(Ruche.Core.Sealing.SealingKey.Random()), [new Ruche.Core.Polls.PollCounter()], Microsoft.Extensions.Logging.Abstractions.NullLogger<Ruche.Core.Ballots.BallotBox>.Instance);
        var polls = new Ruche.Core.Polls.PollReader(db, new Ruche.Core.Polls.PollClosing(db, ballots, notifier, new Ruche.Core.Polls.PollsLive(db, new SilentLiveChannel(), Microsoft.Extensions.Logging.Abstractions.NullLogger<Ruche.Core.Polls.PollsLive>.Instance), TimeProvider.System), TimeProvider.System);
        return new(db, new PostCardLoader(db, goalLists, polls, TimeProvider.System), goalLists, new SpaceService(db, notifier, TimeProvider.System), TimeProvider.System);
    }
}
