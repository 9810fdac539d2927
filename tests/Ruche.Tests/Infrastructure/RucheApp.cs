using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Ruche.Core.Access;
using Ruche.Core.People;

namespace Ruche.Tests.Infrastructure;

/// <summary>
/// Ruche's whole HTTP pipeline on its own database. Each test class gets one (a class fixture), so
/// classes never see each other's data; tests create the people they need.
/// </summary>
public abstract class RucheApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "Test-password-42";
    private readonly string dataDir = Path.Combine(Path.GetTempPath(), "ruche-tests", Guid.NewGuid().ToString("N"));
    private string? connectionString;
    private int people;

    public abstract string ProviderName { get; }

    /// <summary>Why this provider's tests cannot run here (no server configured); null when they can.</summary>
    public string? SkipReason { get; private set; }

    public CommandCounter Commands { get; } = new();

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(dataDir);
        connectionString = await CreateDatabaseAsync(dataDir);
        if (connectionString is null)
        {
            SkipReason = $"{ProviderName} tests skipped: set RUCHE_TEST_POSTGRES to a server connection string to run them.";
            return;
        }

        SkipReason = await PrepareNodeAsync();
        if (SkipReason is not null)
        {
            return;
        }

        await BeforeStartAsync();
        _ = Server; // starts the app: migrations run as on a real start
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (connectionString is not null)
        {
            await DropDatabaseAsync(connectionString);
        }

        try
        {
            Directory.Delete(dataDir, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a finishing request: the temp folder is cleaned by the OS later.
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Skips the calling test when this provider is unavailable (never in CI: see PostgresApp).</summary>
    public void RequireAvailable()
    {
        if (SkipReason is not null)
        {
            Assert.Skip(SkipReason);
        }
    }

    /// <summary>A new person with a bearer token, in the Café like everyone, holding the given company roles.</summary>
    public async Task<Actor> NewPersonAsync(string name = "Person", string timeZone = "Europe/Paris", params string[] roles)
    {
        RequireAvailable();
        var n = Interlocked.Increment(ref people);
        var email = $"p{n}.{Guid.NewGuid().ToString("N")[..8]}@test.ruche";
        await using var scope = Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        var person = await accounts.CreateAsync(new NewAccount(email, $"{name} {n}", Password, timeZone), CancellationToken.None);
        if (roles.Length > 0)
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Person>>();
            (await users.AddToRolesAsync(person, roles)).Succeeded.ShouldBeTrue();
        }

        var token = await scope.ServiceProvider.GetRequiredService<AccessTokenService>().IssueSignInTokenAsync(person.Id, CancellationToken.None);
        var client = ApiClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token.Token);
        return new Actor(this, person.Id, person.Handle, email, person.DisplayName, client);
    }

    /// <summary>A client without credentials.</summary>
    public HttpClient Anonymous()
    {
        RequireAvailable();
        return ApiClient();
    }

    /// <summary>
    /// A program's client: redirects left to the test, cookies kept, and every API answer checked against the OpenAPI
    /// document (<see cref="OpenApiConformance"/>).
    /// </summary>
    private HttpClient ApiClient() => CreateDefaultClient(
        new Uri("http://localhost"),
        new OpenApiConformanceHandler(() => OpenApiConformance.ForAsync(CreateClient())),
        new CookieContainerHandler());

    /// <summary>
    /// Another app node on the same database and data folder (what a second server behind a load balancer is):
    /// it shares nothing in memory with this one, so only a backplane carries live messages between them.
    /// </summary>
    public WebApplicationFactory<Program> StartAnotherNode()
    {
        RequireAvailable();
        var node = WithWebHostBuilder(_ => { });
        _ = node.Server;
        return node;
    }

    /// <summary>Starts what the app needs to find running (e.g. an identity provider) before the app starts.</summary>
    protected virtual Task BeforeStartAsync() => Task.CompletedTask;

    protected abstract Task<string?> CreateDatabaseAsync(string dataDir);

    /// <summary>Readies what a fixture needs besides the database; returns why its tests must be skipped, or null.</summary>
    protected virtual Task<string?> PrepareNodeAsync() => Task.FromResult<string?>(null);

    /// <summary>Settings a fixture adds to every node it starts.</summary>
    protected virtual void ConfigureNode(IWebHostBuilder builder)
    {
    }

    protected abstract Task DropDatabaseAsync(string connectionString);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", ProviderName);
        builder.UseSetting("ConnectionStrings:Ruche", connectionString);
        builder.UseSetting("Ruche:DataDir", dataDir);
        builder.UseSetting("Ruche:DemoData", "false");

        // Goals reminders run on a fake clock in their own tests, never behind other tests' backs.
        builder.UseSetting("Ruche:GoalsScheduler", "false");

        // The push worker polls every 10 s: its queries would land in other tests' command counts. Push tests send
        // what is due themselves (PushDelivery.SendDueAsync).
        builder.UseSetting("Push:Worker", "false");

        // Tests sign in many people from one address; the limits themselves are tested with their own app.
        builder.UseSetting("Ruche:RateLimits:SignInPerMinute", "100000");
        builder.UseSetting("Ruche:RateLimits:ApiPerMinute", "100000");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IInterceptor>(Commands);
            services.AddSingleton<ILoggerProvider, ServerErrors>();

            // Hashing with the production cost would dominate the suite's time; the algorithm is the same.
            services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1_000);
        });
        ConfigureNode(builder);
    }
}

public class SqliteApp : RucheApp
{
    public override string ProviderName => "Sqlite";

    protected override Task<string?> CreateDatabaseAsync(string dataDir) =>
        Task.FromResult<string?>($"Data Source={Path.Combine(dataDir, "ruche.db")}");

    protected override Task DropDatabaseAsync(string connectionString)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return Task.CompletedTask;
    }
}

/// <summary>
/// A real PostgreSQL server, named by RUCHE_TEST_POSTGRES (e.g. "Host=127.0.0.1;Username=postgres;Password=…").
/// Each fixture creates its own database and drops it afterwards. In CI a missing server is a failure, not a skip.
/// </summary>
public class PostgresApp : RucheApp
{
    public override string ProviderName => "Postgres";

    public static string? ServerConnectionString
    {
        get
        {
            var value = Environment.GetEnvironmentVariable("RUCHE_TEST_POSTGRES");
            if (string.IsNullOrWhiteSpace(value) && Environment.GetEnvironmentVariable("CI") == "true")
            {
                throw new InvalidOperationException("CI must run the PostgreSQL tests: RUCHE_TEST_POSTGRES is not set.");
            }

            return string.IsNullOrWhiteSpace(value) ? null : value;
        }
    }

    protected override async Task<string?> CreateDatabaseAsync(string dataDir)
    {
        if (ServerConnectionString is not { } server)
        {
            return null;
        }

        var name = "ruche_test_" + Guid.NewGuid().ToString("N")[..12];
        await using var connection = new Npgsql.NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"CREATE DATABASE {name}";
        await command.ExecuteNonQueryAsync();
        return new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    protected override async Task DropDatabaseAsync(string connectionString)
    {
        var database = new Npgsql.NpgsqlConnectionStringBuilder(connectionString).Database;
        Npgsql.NpgsqlConnection.ClearAllPools();
        await using var connection = new Npgsql.NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS {database} WITH (FORCE)";
        await command.ExecuteNonQueryAsync();
    }
}
