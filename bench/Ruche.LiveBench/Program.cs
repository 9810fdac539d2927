// Live fan-out latency: N people connected to /hub over loopback WebSockets (Kestrel, embedded SQLite), one person
// posts, and each connection's arrival time is taken against the moment the post request was sent.
//   dotnet run -c Release --project bench/Ruche.LiveBench -- [clients=500] [posts=20] [redis=host:port]
// Bounded: at most 1,000 clients, 100 posts per scenario, 10 s of waiting per post and 5 minutes in all.
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Ruche.Core.Access;
using Ruche.Core.Posts;
using Ruche.Web.Live;

namespace Ruche.LiveBench;

internal static class FanOut
{
    public static async Task Main(string[] args)
    {
        // The test host finds the web project's content root from the build output folder.
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        var settings = args.Select(a => a.Split('=', 2)).Where(a => a.Length == 2).ToDictionary(a => a[0], a => a[1], StringComparer.OrdinalIgnoreCase);
        var clients = Math.Clamp(int.Parse(settings.GetValueOrDefault("clients", "500"), CultureInfo.InvariantCulture), 10, 1000);
        var posts = Math.Clamp(int.Parse(settings.GetValueOrDefault("posts", "20"), CultureInfo.InvariantCulture), 3, 100);
        var redis = settings.GetValueOrDefault("redis");
        using var budget = new CancellationTokenSource(TimeSpan.FromMinutes(5));

        var dataDir = Path.Combine(Path.GetTempPath(), "ruche-livebench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDir);
        await using var app = new LiveBenchApp(dataDir, redis);
        app.UseKestrel(0);
        app.StartServer();
        var baseAddress = app.CreateClient().BaseAddress!;
        Console.WriteLine($"Ruche at {baseAddress} (SQLite{(redis is null ? string.Empty : ", Redis backplane " + redis)}), {clients} clients, {posts} posts per scenario, {Environment.ProcessorCount} cores");

        // People and their tokens, straight through the services (the API would only add rate-limited sign-ins).
        var clock = Stopwatch.StartNew();
        var author = await app.NewPersonAsync("Auteur");
        var readers = new List<(long Id, string Token)>();
        for (var i = 0; i < clients; i++)
        {
            readers.Add(await app.NewPersonAsync($"Lecteur {i}"));
        }

        using var http = new HttpClient { BaseAddress = baseAddress };
        http.DefaultRequestHeaders.Authorization = new("Bearer", author.Token);
        var space = await (await http.PostAsJsonAsync("/api/v1/spaces", new { name = "Espace secret", kind = "team", visibility = "secret" })).Content.ReadFromJsonAsync<IdOnly>();
        foreach (var reader in readers)
        {
            (await http.PutAsync($"/api/v1/spaces/{space!.Id}/members/{reader.Id}", null)).EnsureSuccessStatusCode();
        }

        Console.WriteLine($"{clients + 1} people and a secret space with all of them: {clock.Elapsed.TotalSeconds:0.0} s");

        // Connections: arrival times per post id, first message per connection only.
        clock.Restart();
        var arrivals = new ConcurrentDictionary<long, ConcurrentBag<long>>();
        var connections = new List<HubConnection>();
        foreach (var batch in readers.Chunk(50))
        {
            var opened = await Task.WhenAll(batch.Select(async reader =>
            {
                var seen = new ConcurrentDictionary<long, bool>();
                var connection = new HubConnectionBuilder()
                    .WithUrl(new Uri(baseAddress, "/hub"), o =>
                    {
                        o.Transports = HttpTransportType.WebSockets;
                        o.SkipNegotiation = true;
                        o.Headers["Authorization"] = "Bearer " + reader.Token;
                    })
                    .Build();
                connection.On(nameof(IRucheClient.Listening), () => { });
                connection.On<PostPublishedEvent>(nameof(IRucheClient.PostPublished), e =>
                {
                    var now = Stopwatch.GetTimestamp();
                    if (seen.TryAdd(e.PostId, true))
                    {
                        arrivals.GetOrAdd(e.PostId, _ => []).Add(now);
                    }
                });
                await connection.StartAsync(budget.Token);
                return connection;
            }));
            connections.AddRange(opened);
        }

        Console.WriteLine($"{connections.Count} connections open: {clock.Elapsed.TotalSeconds:0.0} s");

        await MeasureAsync("company-wide post (one group)", spaceId: null);
        await MeasureAsync("secret-space post (members' person groups)", space!.Id);

        foreach (var connection in connections)
        {
            await connection.DisposeAsync();
        }

        try
        {
            Directory.Delete(dataDir, recursive: true);
        }
        catch (IOException)
        {
        }

        async Task MeasureAsync(string scenario, long? spaceId)
        {
            var latencies = new List<double>();
            var spreads = new List<double>();
            var requests = new List<double>();
            var incomplete = 0;
            for (var i = -2; i < posts && !budget.IsCancellationRequested; i++)
            {
                var sent = Stopwatch.GetTimestamp();
                var response = await http.PostAsJsonAsync("/api/v1/posts", new { body = $"Mesure {scenario} n° {i}", spaceId }, budget.Token);
                var answered = Stopwatch.GetTimestamp();
                var id = (await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<IdOnly>(budget.Token))!.Id;
                var wait = Stopwatch.StartNew();
                while ((arrivals.GetValueOrDefault(id)?.Count ?? 0) < clients && wait.Elapsed < TimeSpan.FromSeconds(10))
                {
                    await Task.Delay(5, budget.Token);
                }

                var times = arrivals.GetValueOrDefault(id)?.ToArray() ?? [];
                if (i < 0)
                {
                    continue; // warm-up
                }

                incomplete += clients - times.Length;
                requests.Add(Stopwatch.GetElapsedTime(sent, answered).TotalMilliseconds);
                latencies.AddRange(times.Select(t => Stopwatch.GetElapsedTime(sent, t).TotalMilliseconds));
                if (times.Length > 0)
                {
                    spreads.Add(Stopwatch.GetElapsedTime(times.Min(), times.Max()).TotalMilliseconds);
                }

                await Task.Delay(100, budget.Token);
            }

            latencies.Sort();
            Console.WriteLine();
            Console.WriteLine($"{scenario}: {latencies.Count} deliveries ({incomplete} missing)");
            Console.WriteLine($"  from sending the post to each reader's arrival: p50 {Percentile(latencies, 0.50):0.0} ms, p95 {Percentile(latencies, 0.95):0.0} ms, p99 {Percentile(latencies, 0.99):0.0} ms, max {latencies.LastOrDefault():0.0} ms");
            Console.WriteLine($"  post request alone: median {Percentile([.. requests.Order()], 0.5):0.0} ms; first to last reader of one post: median {Percentile([.. spreads.Order()], 0.5):0.0} ms");
        }

        static double Percentile(List<double> sorted, double p) =>
            sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }
}

internal sealed record IdOnly(long Id);

/// <summary>Ruche on a loopback Kestrel port with its own SQLite database, settings as in the integration tests.</summary>
internal sealed class LiveBenchApp(string dataDir, string? redis) : WebApplicationFactory<Program>
{
    public async Task<(long Id, string Token)> NewPersonAsync(string name)
    {
        await using var scope = Services.CreateAsyncScope();
        var email = $"{Guid.NewGuid().ToString("N")[..10]}@bench.ruche";
        var person = await scope.ServiceProvider.GetRequiredService<AccountService>()
            .CreateAsync(new NewAccount(email, name, "Bench-password-42", "Europe/Paris"), CancellationToken.None);
        var token = await scope.ServiceProvider.GetRequiredService<AccessTokenService>().IssueSignInTokenAsync(person.Id, CancellationToken.None);
        return (person.Id, token.Token);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Ruche", $"Data Source={Path.Combine(dataDir, "ruche.db")}");
        builder.UseSetting("Ruche:DataDir", dataDir);
        builder.UseSetting("Ruche:DemoData", "false");
        builder.UseSetting("Ruche:RateLimits:SignInPerMinute", "1000000");
        builder.UseSetting("Ruche:RateLimits:ApiPerMinute", "1000000");
        if (redis is not null)
        {
            builder.UseSetting("ConnectionStrings:Redis", redis);
        }

        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureTestServices(services => services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1_000));
    }
}
