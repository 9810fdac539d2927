using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.Goals;
using Ruche.Core.Notifications;
using Ruche.Core.People;
using Ruche.Core.Spaces;
using Ruche.Core.Subjects;
using Ruche.Core.WorkTime;

namespace Ruche.Bench;

/// <summary>
/// Times one morning-reminder pass over a company of N people (100,000 by default) on SQLite, and on PostgreSQL when
/// RUCHE_TEST_POSTGRES names a server: a plain timed run, since building the company takes longer than BenchmarkDotNet's
/// iterations would allow. People are spread over Paris, Montréal and Singapore sites, in teams of 100 with their own
/// reminder hours, some with their own working week and some on leave.
/// <c>dotnet run -c Release --project bench/Ruche.Bench -- reminders [people]</c>
/// </summary>
internal static class ReminderPass
{
    // Monday 2 March 2026, 14:30 UTC: 15:30 in Paris and 09:30 in Montréal (due), 22:30 in Singapore (day over).
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 14, 30, 0, TimeSpan.Zero);

    public static async Task RunAsync(int count)
    {
        var folder = Path.Combine(Path.GetTempPath(), "ruche-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var sqlite = new Data.Sqlite.SqliteDatabaseProvider();
            await MeasureAsync("SQLite", sqlite, $"Data Source={Path.Combine(folder, "reminders.db")}", count);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        if (Environment.GetEnvironmentVariable("RUCHE_TEST_POSTGRES") is { Length: > 0 } server)
        {
            var name = "ruche_bench_" + Guid.NewGuid().ToString("N")[..8];
            var connection = new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
            try
            {
                await MeasureAsync("PostgreSQL", new Data.Postgres.PostgresDatabaseProvider(), connection, count);
            }
            finally
            {
                Npgsql.NpgsqlConnection.ClearAllPools();
                await using var admin = new Npgsql.NpgsqlConnection(server);
                await admin.OpenAsync();
                await using var drop = admin.CreateCommand();
                drop.CommandText = $"DROP DATABASE IF EXISTS {name} WITH (FORCE)";
                await drop.ExecuteNonQueryAsync();
            }
        }
    }

    private static async Task MeasureAsync(string label, IDatabaseProvider provider, string connection, int count)
    {
        provider.PrepareStorage(connection);
        var builder = new DbContextOptionsBuilder<RucheDbContext>();
        provider.Configure(builder, connection);
        var options = builder.Options;
        var setup = Stopwatch.StartNew();
        await using (var db = new RucheDbContext(options))
        {
            await db.Database.MigrateAsync();
            await SeedAsync(db, count);
        }

        Console.WriteLine($"{label}: {count:N0} people created in {setup.Elapsed.TotalSeconds:F1} s");
        var clock = new FixedClock(Now);
        foreach (var pass in new[] { "first pass (claims and notifies everyone due)", "second pass (everyone already claimed)" })
        {
            await using var db = new RucheDbContext(options);
            var watch = Stopwatch.StartNew();
            var notifier = new Notifier(db, provider, new SubjectKinds([OwnGoalsSubject.Instance]), new SilentLiveChannel(), clock, NullLogger<Notifier>.Instance);
            var sent = await new GoalReminderService(db, new WorkCalendar(db), notifier, clock).SendDueAsync(CancellationToken.None);
            Console.WriteLine($"{label}: {pass}: {sent:N0} reminders in {watch.Elapsed.TotalSeconds:F2} s");
        }
    }

    private static async Task SeedAsync(RucheDbContext db, int count)
    {
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var sites = new[]
        {
            new Site { Name = "Paris", TimeZone = "Europe/Paris", CountryCode = "FR" },
            new Site { Name = "Montréal", TimeZone = "America/Montreal", CountryCode = "CA", Region = "QC" },
            new Site { Name = "Singapour", TimeZone = "Asia/Singapore", CountryCode = "SG" },
        };
        db.Sites.AddRange(sites);
        await db.SaveChangesAsync();
        const int Batch = 5_000;
        for (var from = 0; from < count; from += Batch)
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var people = Enumerable.Range(from, Math.Min(Batch, count - from)).Select(i => new Person
            {
                DisplayName = $"Person {i}",
                Handle = $"person-{i}",
                UserName = $"person-{i}",
                Email = $"person-{i}@bench.ruche",
                SiteId = sites[i % 3].Id,
                TimeZone = sites[i % 3].TimeZone,
            }).ToList();
            db.People.AddRange(people);
            await db.SaveChangesAsync();
            var teams = people.Chunk(100).Select((members, t) => new Space
            {
                Name = $"Team {from + (t * 100)}",
                Kind = SpaceKind.Team,
                Visibility = SpaceVisibility.Private,
                CreatedById = members[0].Id,
                Members = members.Select(m => new SpaceMembership { PersonId = m.Id, Role = SpaceRole.Member, Status = MembershipStatus.Active }).ToList(),
            }).ToList();
            db.Spaces.AddRange(teams);
            await db.SaveChangesAsync();
            db.TeamGoalSettings.AddRange(teams.Where((_, t) => t % 4 == 0).Select(t => new TeamGoalSettings { SpaceId = t.Id, ReminderMinute = 8 * 60 }));
            db.WorkSchedules.AddRange(people.Where((_, i) => i % 10 == 0)
                .Select(p => new WorkSchedule { PersonId = p.Id, Days = WorkingDays.MondayToFriday, StartMinute = 8 * 60, EndMinute = 17 * 60 }));
            db.LeavePeriods.AddRange(people.Where((_, i) => i % 50 == 0)
                .Select(p => new LeavePeriod { PersonId = p.Id, From = new DateOnly(2026, 2, 23), To = new DateOnly(2026, 3, 6) }));
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
            db.ChangeTracker.Clear();
        }
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
