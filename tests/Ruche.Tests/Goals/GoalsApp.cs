using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Ruche.Core.Access;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.Goals;
using Ruche.Core.People;
using Ruche.Tests.Infrastructure;

namespace Ruche.Tests.Goals;

/// <summary>The app on a clock the test moves: the goals routine is about days, hours and time zones.</summary>
public interface IGoalsApp
{
    TestClock Clock { get; }
}

/// <summary>
/// The app's clock: a <see cref="FakeTimeProvider"/> the test advances, replaced by a new one when a test needs an
/// earlier moment (tests of a class share the app, and a fake clock never goes back).
/// </summary>
public sealed class TestClock : TimeProvider
{
    public FakeTimeProvider Fake { get; private set; } = new(GoalsClock.Start);

    public override DateTimeOffset GetUtcNow() => Fake.GetUtcNow();

    public override long GetTimestamp() => Fake.GetTimestamp();

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public void Set(DateTimeOffset instant)
    {
        if (instant >= Fake.GetUtcNow())
        {
            Fake.SetUtcNow(instant);
        }
        else
        {
            Fake = new FakeTimeProvider(instant);
        }
    }

    public void Advance(TimeSpan by) => Fake.Advance(by);
}

public sealed class GoalsSqliteApp : SqliteApp, IGoalsApp
{
    public TestClock Clock { get; } = new();

    protected override void ConfigureNode(IWebHostBuilder builder) => GoalsClock.Use(builder, Clock);
}

public sealed class GoalsPostgresApp : PostgresApp, IGoalsApp
{
    public TestClock Clock { get; } = new();

    protected override void ConfigureNode(IWebHostBuilder builder) => GoalsClock.Use(builder, Clock);
}

public static class GoalsClock
{
    /// <summary>Monday 2 March 2026, 06:00 UTC: a plain working week in every zone the tests use.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 6, 0, 0, TimeSpan.Zero);

    public static void Use(IWebHostBuilder builder, TestClock clock) =>
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock));

    public static TestClock Clock(this RucheApp app) => ((IGoalsApp)app).Clock;

    /// <summary>Sets the clock to a UTC instant (forwards or backwards: each test sets the moment it needs).</summary>
    public static void SetUtc(this RucheApp app, DateTimeOffset instant) => app.Clock().Set(instant);

    /// <summary>A person whose token outlives the test's clock moves (a personal token, 90 days).</summary>
    public static async Task<Actor> NewWorkerAsync(this RucheApp app, string name, string timeZone, string? country = null, string? region = null)
    {
        var first = await app.NewPersonAsync(name, timeZone);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RucheDbContext>();
        if (country is not null)
        {
            var siteName = $"{country}-{region}-{timeZone}";
            var site = await db.Sites.SingleOrDefaultAsync(s => s.Name == siteName);
            if (site is null)
            {
                site = new Site { Name = siteName, CountryCode = country, Region = region, TimeZone = timeZone };
                db.Sites.Add(site);
                await db.SaveChangesAsync();
            }

            await db.People.Where(p => p.Id == first.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.SiteId, site.Id));
        }

        var token = await scope.ServiceProvider.GetRequiredService<AccessTokenService>()
            .CreatePersonalAsync(new Viewer(first.Id, new HashSet<string>()), "goals tests", 90, null, null, CancellationToken.None);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new("Bearer", token.Token);
        return new Actor(app, first.Id, first.Handle, first.Email, first.Name, client);
    }

    /// <summary>Runs one reminder pass as the worker would, on a fresh scope (a node's pass).</summary>
    public static async Task<int> RemindAsync(this RucheApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<GoalReminderService>().SendDueAsync(CancellationToken.None);
    }

    public static async Task<T> InDatabaseAsync<T>(this RucheApp app, Func<RucheDbContext, Task<T>> read)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<RucheDbContext>());
    }
}
