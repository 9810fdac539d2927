// Ruche at company scale: builds a company (bulk insert), starts Ruche as its own process on loopback, replays the
// workloads with N concurrent connections for a bounded time, and measures the floors in the same run.
//   dotnet run -c Release --project bench/Ruche.Scale -- [--people 1000] [--posts 100000] [--providers sqlite,postgres] [--workloads w1,w3,w4,search,floors]
// See bench/README.md.
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Ruche.Core.Data;
using Ruche.Data.Postgres;
using Ruche.Data.Sqlite;
using Ruche.Scale;

if (args.Length > 0 && args[0] == "home-profile")
{
    await HomeProfile.RunAsync(args);
    return;
}

if (args.Length > 0 && args[0] == "floor-server")
{
    await FloorServer.RunAsync(args);
    return;
}

var options = Options.Parse(args);
var report = new List<ProviderReport>();
Console.WriteLine($"Ruche.Scale: {options.People:N0} people, {options.Posts:N0} posts, {options.Connections} connections, W1 {options.Seconds} s, W4 {options.MixedSeconds} s, {string.Join(',', options.Workloads)}, {Environment.ProcessorCount} cores, load average {LoadAverage()}");
foreach (var provider in options.Providers)
{
    report.Add(await ScaleRun.RunAsync(provider, options));
}

Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.Output))!);
await File.WriteAllTextAsync(options.Output, JsonSerializer.Serialize(new { machine = Environment.MachineName, cores = Environment.ProcessorCount, options = options.WithoutPassword(), providers = report }, ScaleRun.Json));
Console.WriteLine();
Report.Print(report);
Console.WriteLine($"JSON: {Path.GetFullPath(options.Output)}; load average at the end {LoadAverage()}");

// Other work on the machine weighs on every figure: printed at the start and the end of the run.
static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

namespace Ruche.Scale
{
    /// <param name="Workloads">What to run of w1, w3, w4, search and floors (the SQL floors, the Kestrel floor and the fan-out cost).</param>
    /// <param name="WarmUpSeconds">Load before each of W1 and W4 is measured: the JIT keeps recompiling hot methods (tiered PGO) for
    /// the first tens of seconds of a fresh server, and a server that runs for days is measured at its steady state.</param>
    /// <param name="Keep">Leave the generated database in place (and print its connection string), for home-profile.</param>
    internal sealed record Options(int People, int Posts, int Follows, int Connections, int Seconds, int MixedSeconds, int SearchRuns, int WarmUpSeconds, bool Keep, IReadOnlyList<string> Providers, IReadOnlyList<string> Workloads, string Output, string? Postgres)
    {
        public static readonly string[] AllWorkloads = ["w1", "w3", "w4", "search", "floors"];

        public bool Runs(string workload) => Workloads.Contains(workload);

        /// <summary>The options as written to the results file: the server's password left out.</summary>
        public Options WithoutPassword() =>
            Postgres is null ? this : this with { Postgres = new NpgsqlConnectionStringBuilder(Postgres) { Password = null }.ConnectionString };

        public static Options Parse(string[] args)
        {
            string Get(string name, string fallback)
            {
                var index = Array.IndexOf(args, "--" + name);
                return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
            }

            int Number(string name, int fallback, int min, int max) => Math.Clamp(int.Parse(Get(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture), min, max);
            var postgres = Get("postgres", Environment.GetEnvironmentVariable("RUCHE_TEST_POSTGRES") ?? string.Empty);
            var providers = Get("providers", postgres.Length > 0 ? "sqlite,postgres" : "sqlite").Split(',', StringSplitOptions.RemoveEmptyEntries);
            var workloads = Get("workloads", string.Join(',', AllWorkloads)).ToLowerInvariant().Split(',', StringSplitOptions.RemoveEmptyEntries);
            if (workloads.Except(AllWorkloads).FirstOrDefault() is { } unknown)
            {
                throw new ArgumentException($"Unknown workload {unknown}: choose among {string.Join(',', AllWorkloads)}.");
            }

            return new Options(
                Number("people", 1000, 10, 100_000), Number("posts", 100_000, 100, 5_000_000), Number("follows", 100, 0, 1000),
                Number("connections", 64, 1, 512), Number("seconds", 10, 2, 120), Number("mixed-seconds", 30, 2, 300), Number("search-runs", 20, 3, 100),
                Number("warmup", 10, 0, 120), args.Contains("--keep"), providers, workloads, Get("out", "bench/results/scale.json"), postgres.Length > 0 ? postgres : null);
        }
    }

    internal sealed record SearchFigure(string Query, double P50Ms, double P95Ms, int Results);

    /// <summary>One provider's figures; what a run left out (<see cref="Options.Workloads"/>) is null.</summary>
    internal sealed record ProviderReport(
        string Provider, double GenerateSeconds, double IndexedDocsPerSecond, double InProcessHomePagesPerSecond, IReadOnlyList<LoadResult> Workloads, CelebrityResult? Celebrity,
        double? SqlFloorPagesPerSecond, double? PrecomputedSqlPagesPerSecond, LoadResult? KestrelFloor, double? HomeVsSqlFloor, double? HomeVsKestrelFloor, FanOutResult? FanOut,
        IReadOnlyList<SearchFigure> Search);

    internal static class ScaleRun
    {
        public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
        private static readonly string[] SearchQueries = ["télétravail", "\"déjeuner équipe\"", "sécurité -incident", "kubernetes", "atlas"];
        private static readonly string[] Reads = ["home", "home", "home", "home", "space", "space", "profile", "profile", "search", "search"];

        public static async Task<ProviderReport> RunAsync(string provider, Options options)
        {
            var postgres = provider == "postgres";
            Console.WriteLine($"\n== {provider}");
            var folder = Path.Combine(Path.GetTempPath(), "ruche-scale", Guid.NewGuid().ToString("N")[..12]);
            Directory.CreateDirectory(folder);
            string connectionString;
            if (postgres)
            {
                var server = options.Postgres ?? throw new InvalidOperationException("PostgreSQL needs --postgres or RUCHE_TEST_POSTGRES.");
                var name = "ruche_scale_" + Guid.NewGuid().ToString("N")[..8];
                await using (var admin = new NpgsqlConnection(server))
                {
                    await admin.OpenAsync();
                    await new NpgsqlCommand($"CREATE DATABASE {name}", admin).ExecuteNonQueryAsync();
                }

                connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
            }
            else
            {
                connectionString = $"Data Source={Path.Combine(folder, "ruche.db")}";
            }

            var web = WebBuild();
            var environment = new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Database__Provider"] = postgres ? "Postgres" : "Sqlite",
                ["ConnectionStrings__Ruche"] = connectionString,
                ["Ruche__DataDir"] = folder,
                ["Ruche__DemoData"] = "false",
                ["Ruche__MigrateOnStart"] = "false",
                ["Ruche__RateLimits__ApiPerMinute"] = "100000000",
                ["Ruche__RateLimits__SignInPerMinute"] = "100000",
                ["Logging__LogLevel__Default"] = "Warning",
            };
            try
            {
                await MigrateAsync(web, environment);
                IDatabaseProvider databaseProvider = postgres ? new PostgresDatabaseProvider() : new SqliteDatabaseProvider();
                var builder = new DbContextOptionsBuilder<RucheDbContext>();
                databaseProvider.Configure(builder, connectionString);
                Company company;
                List<string?> tokens;
                SignedIn announcer;
                List<SignedIn> sampled;
                var random = new Random(7);
                await using (var db = new RucheDbContext(builder.Options))
                {
                    Console.WriteLine("generating");
                    company = await new CompanyGenerator(db, postgres, new CompanySize(options.People, options.Posts, options.Follows, options.Runs("w3") || options.Runs("floors") ? CelebrityWorkload.Members : 0)).BuildAsync(Console.WriteLine);
                    Console.WriteLine($"generated in {company.Took.TotalSeconds:0.0} s; search rows analysed and written at {company.IndexedDocsPerSecond:N0} docs/s");
                }

                await using (var db = new RucheDbContext(builder.Options))
                {
                    var tokenService = new Core.Access.AccessTokenService(db, new Core.Audit.AuditLog(db, databaseProvider, TimeProvider.System), TimeProvider.System);
                    tokens = [];
                    foreach (var person in Enumerable.Range(0, Math.Max(options.Connections, 16)).Select(_ => company.PersonIds[random.Next(company.PersonIds.Length)]))
                    {
                        tokens.Add((await tokenService.IssueSignInTokenAsync(person, CancellationToken.None)).Token);
                    }

                    // W3: the announcements' owner, and members sampled among everyone in the space but them.
                    announcer = new(company.AnnouncerId, (await tokenService.IssueSignInTokenAsync(company.AnnouncerId, CancellationToken.None)).Token);
                    sampled = [];
                    var members = company.PersonIds.Concat(company.ReaderIds).Where(p => p != company.AnnouncerId).ToArray();
                    foreach (var person in options.Runs("w3") ? members.OrderBy(_ => random.Next()).Take(CelebrityWorkload.Sampled) : [])
                    {
                        sampled.Add(new(person, (await tokenService.IssueSignInTokenAsync(person, CancellationToken.None)).Token));
                    }
                }

                var viewers = Enumerable.Range(0, 20).Select(_ => company.PersonIds[random.Next(company.PersonIds.Length)]).ToList();
                var pages = await SqlFloor.CaptureHomePagesAsync(builder.Options, viewers);
                Console.WriteLine($"home page = {pages[0].Count} SQL commands (captured for {pages.Count} people)");
                var inProcess = await SqlFloor.InProcessPagesPerSecondAsync(builder.Options, viewers, TimeSpan.FromSeconds(3));
                Console.WriteLine($"FeedService.HomeAsync in process, one thread: {inProcess:N0} pages/s");

                var workloads = new List<LoadResult>();
                var search = new List<SearchFigure>();
                CelebrityResult? celebrity = null;
                await using (var ruche = await ServerProcess.StartAsync(web.Dll, [], environment, web.Folder, "/health/ready"))
                {
                    var duration = TimeSpan.FromSeconds(options.Seconds);
                    var warmUp = TimeSpan.FromSeconds(options.WarmUpSeconds);
                    if (options.Runs("w1"))
                    {
                        Console.WriteLine("W1 home feed");
                        workloads.Add(await LoadRunner.RunAsync("W1 home feed", ruche.Address, tokens, options.Connections, duration, warmUp,
                            (_, _) => new LoadRequest("home", HttpMethod.Get, "/api/v1/feeds/home?pageSize=20"), ruche));
                        Console.WriteLine($"  {workloads[^1].Throughput:N0} req/s");
                    }

                    if (options.Runs("w3"))
                    {
                        Console.WriteLine($"W3 celebrity: {CelebrityWorkload.PostsPerSecond} posts/s into the announcements ({company.PersonIds.Length + company.ReaderIds.Length:N0} members, {company.ReaderIds.Length:N0} of them readers only) for {CelebrityWorkload.Duration.TotalSeconds:0} s");
                        celebrity = await new CelebrityWorkload(ruche.Address, company.AnnouncementSpaceId, announcer, sampled, company.PersonIds.Length + company.ReaderIds.Length, ruche).RunAsync(Console.WriteLine);
                        Console.WriteLine(FormattableString.Invariant($"  post p50 {celebrity.PostP50Ms:0} ms, p99 {celebrity.PostP99Ms:0} ms; seen live p95 {celebrity.Live.P95Ms:0} ms, in the feed p95 {celebrity.Feed.P95Ms:0} ms"));
                    }

                    if (options.Runs("w4"))
                    {
                        var readable = await ReadablePostsAsync(ruche.Address, tokens[0]!);
                        Console.WriteLine("W4 mixed");
                        workloads.Add(await LoadRunner.RunAsync("W4 mixed", ruche.Address, tokens, options.Connections, TimeSpan.FromSeconds(options.MixedSeconds), warmUp,
                            (_, r) => Mixed(r, company, readable), ruche));
                        Console.WriteLine($"  {workloads[^1].Throughput:N0} req/s");
                    }

                    if (options.Runs("search"))
                    {
                        search.AddRange(await SearchAsync(ruche.Address, tokens[0]!, options.SearchRuns));
                    }
                }

                var w1 = workloads.FirstOrDefault(w => w.Workload == "W1 home feed");
                if (!options.Runs("floors"))
                {
                    return new ProviderReport(provider, company.Took.TotalSeconds, company.IndexedDocsPerSecond, inProcess, workloads, celebrity, null, null, null, null, null, null, search);
                }

                Console.WriteLine("floors");
                var sqlFloor = postgres
                    ? await SqlFloor.PgbenchAsync(connectionString, pages, options.Connections, TimeSpan.FromSeconds(options.Seconds), Path.Combine(folder, "pgbench"))
                    : await SqlFloor.SqliteLoopAsync(connectionString, pages, options.Connections, TimeSpan.FromSeconds(options.Seconds));
                System.Data.Common.DbConnection raw = postgres ? new NpgsqlConnection(connectionString) : new Microsoft.Data.Sqlite.SqliteConnection(connectionString);
                var precomputedPages = await SqlFloor.PrecomputedPagesAsync(raw, pages, postgres);
                await raw.DisposeAsync();
                var precomputed = postgres
                    ? await SqlFloor.PgbenchAsync(connectionString, precomputedPages, options.Connections, TimeSpan.FromSeconds(options.Seconds), Path.Combine(folder, "pgbench-precomputed"))
                    : await SqlFloor.SqliteLoopAsync(connectionString, precomputedPages, options.Connections, TimeSpan.FromSeconds(options.Seconds));
                Console.WriteLine($"  SQL floor: read-time join {sqlFloor:N0} pages/s, precomputed feed table {precomputed:N0} pages/s");
                // The Kestrel floor answers a body of W1's size (a 20-post page's size when W1 did not run).
                var bytes = (int)(w1?.BytesPerResponse ?? 16_400);
                LoadResult kestrel;
                var self = typeof(ScaleRun).Assembly.Location;
                await using (var floor = await ServerProcess.StartAsync(self, ["floor-server", bytes.ToString(CultureInfo.InvariantCulture)], new Dictionary<string, string>(), AppContext.BaseDirectory, "/ready"))
                {
                    kestrel = await LoadRunner.RunAsync("Kestrel floor", floor.Address, [null], options.Connections, TimeSpan.FromSeconds(options.Seconds), TimeSpan.FromSeconds(2),
                        (_, _) => new LoadRequest("floor", HttpMethod.Get, "/floor"), floor);
                }

                System.Data.Common.DbConnection fanOutConnection = postgres ? new NpgsqlConnection(connectionString) : new Microsoft.Data.Sqlite.SqliteConnection(connectionString);
                var fanOut = await FanOutCost.MeasureAsync(fanOutConnection, postgres, company, Console.WriteLine);
                await fanOutConnection.DisposeAsync();

                return new ProviderReport(provider, company.Took.TotalSeconds, company.IndexedDocsPerSecond, inProcess, workloads, celebrity, sqlFloor, precomputed, kestrel,
                    w1?.Throughput / sqlFloor, w1?.Throughput / kestrel.Throughput, fanOut, search);
            }
            finally
            {
                if (options.Keep)
                {
                    Console.WriteLine($"kept: {(postgres ? new NpgsqlConnectionStringBuilder(connectionString) { Password = null }.ConnectionString : connectionString)}");
                }
                else if (postgres)
                {
                    NpgsqlConnection.ClearAllPools();
                    await using var admin = new NpgsqlConnection(options.Postgres);
                    await admin.OpenAsync();
                    await new NpgsqlCommand($"DROP DATABASE IF EXISTS {new NpgsqlConnectionStringBuilder(connectionString).Database} WITH (FORCE)", admin).ExecuteNonQueryAsync();
                }
                else
                {
                    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                }

                if (!options.Keep)
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
        }

        /// <summary>W4: 90% reads (home, space, profile, search), 5% posts and comments, 4% reactions, 1% follows.</summary>
        private static LoadRequest Mixed(Random random, Company company, long[] readable)
        {
            var roll = random.Next(100);
            var person = company.PersonIds[random.Next(company.PersonIds.Length)];
            var post = readable[random.Next(readable.Length)];
            return roll switch
            {
                < 90 => Reads[random.Next(Reads.Length)] switch
                {
                    "home" => new("home", HttpMethod.Get, "/api/v1/feeds/home?pageSize=20"),
                    "space" => new("space", HttpMethod.Get, $"/api/v1/spaces/{company.OpenSpaceIds[random.Next(company.OpenSpaceIds.Length)]}/feed?pageSize=20"),
                    "profile" => new("profile", HttpMethod.Get, $"/api/v1/people/{person}/feed?pageSize=20"),
                    _ => new("search", HttpMethod.Get, "/api/v1/search?q=" + Uri.EscapeDataString(SearchQueries[random.Next(SearchQueries.Length)])),
                },
                < 93 => new("post", HttpMethod.Post, "/api/v1/posts", JsonSerializer.Serialize(new { body = $"Billet de charge {random.Next()} #atlas" })),
                < 95 => new("comment", HttpMethod.Post, $"/api/v1/posts/{post}/comments", JsonSerializer.Serialize(new { body = $"Commentaire {random.Next()}" })),
                < 99 => new("reaction", HttpMethod.Put, $"/api/v1/posts/{post}/reactions/like"),
                _ => new("follow", HttpMethod.Put, $"/api/v1/people/{person}/follow"),
            };
        }

        /// <summary>Posts of the company feed (readable by everyone): what W4 comments on and reacts to.</summary>
        private static async Task<long[]> ReadablePostsAsync(Uri server, string token)
        {
            using var http = new HttpClient { BaseAddress = server };
            http.DefaultRequestHeaders.Authorization = new("Bearer", token);
            using var page = JsonDocument.Parse(await http.GetStringAsync("/api/v1/feeds/company?pageSize=50"));
            return page.RootElement.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetInt64()).ToArray();
        }

        /// <summary>Each query <paramref name="runs"/> times in a row through the API (after one warm-up): p50 and p95.</summary>
        private static async Task<IReadOnlyList<SearchFigure>> SearchAsync(Uri server, string token, int runs)
        {
            using var http = new HttpClient { BaseAddress = server };
            http.DefaultRequestHeaders.Authorization = new("Bearer", token);
            var figures = new List<SearchFigure>();
            foreach (var query in SearchQueries)
            {
                var path = "/api/v1/search?q=" + Uri.EscapeDataString(query);
                using var first = JsonDocument.Parse(await http.GetStringAsync(path));
                var results = first.RootElement.GetProperty("items").GetArrayLength();
                var times = new List<double>();
                for (var i = 0; i < runs; i++)
                {
                    var clock = Stopwatch.StartNew();
                    await http.GetStringAsync(path);
                    times.Add(clock.Elapsed.TotalMilliseconds);
                }

                times.Sort();
                figures.Add(new SearchFigure(query, times[times.Count / 2], times[Math.Min(times.Count - 1, (int)(times.Count * 0.95))], results));
            }

            return figures;
        }

        private static async Task MigrateAsync((string Dll, string Folder) web, Dictionary<string, string> environment)
        {
            var start = new ProcessStartInfo("dotnet") { WorkingDirectory = web.Folder, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(web.Dll);
            start.ArgumentList.Add("migrate");
            foreach (var (key, value) in environment)
            {
                start.Environment[key] = value;
            }

            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException("migrate failed:\n" + output);
            }
        }

        /// <summary>Ruche.Web as built with the same configuration as this program (dotnet build -c Release first).</summary>
        private static (string Dll, string Folder) WebBuild()
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                var candidate = Path.Combine(folder.FullName, "src", "Ruche.Web", "bin", configuration, "net10.0");
                if (File.Exists(Path.Combine(candidate, "Ruche.Web.dll")))
                {
                    return (Path.Combine(candidate, "Ruche.Web.dll"), candidate);
                }
            }

            throw new InvalidOperationException($"Build Ruche.Web first: dotnet build src/Ruche.Web -c {configuration}");
        }
    }

    internal static class Report
    {
        public static void Print(IReadOnlyList<ProviderReport> providers)
        {
            Console.WriteLine("| provider | workload | conns | req/s | p50 ms | p95 ms | p99 ms | errors | CPU s / 1k req | peak RSS MB | bytes/resp |");
            Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
            foreach (var p in providers)
            {
                foreach (var w in p.KestrelFloor is null ? p.Workloads : p.Workloads.Append(p.KestrelFloor))
                {
                    Console.WriteLine(FormattableString.Invariant($"| {p.Provider} | {w.Workload} | {w.Connections} | {w.Throughput:N0} | {w.P50Ms:0.0} | {w.P95Ms:0.0} | {w.P99Ms:0.0} | {w.Errors} | {w.CpuSecondsPer1000:0.00} | {w.PeakRssMb:0} | {w.BytesPerResponse:N0} |"));
                }
            }

            Console.WriteLine();
            Console.WriteLine("| provider | generate s | index docs/s | FeedService 1 thread pages/s | SQL floor pages/s | SQL, precomputed feed table pages/s | W1 / SQL floor | W1 / Kestrel floor |");
            Console.WriteLine("|---|---|---|---|---|---|---|---|");
            foreach (var p in providers)
            {
                Console.WriteLine(FormattableString.Invariant($"| {p.Provider} | {p.GenerateSeconds:0.0} | {p.IndexedDocsPerSecond:N0} | {p.InProcessHomePagesPerSecond:N0} | {p.SqlFloorPagesPerSecond:N0} | {p.PrecomputedSqlPagesPerSecond:N0} | {p.HomeVsSqlFloor:P0} | {p.HomeVsKestrelFloor:P1} |"));
            }

            Console.WriteLine();
            Console.WriteLine("W3: posts into the announcements at 10/s for 10 s (open loop); delays from sending each post to each sampled member seeing it (live: the home-feed PostPublished; feed: a home page holding it), target 2 s");
            Console.WriteLine("| provider | members | sampled | posts | posts/s | post errors | post p50 / p95 / p99 / max ms | live p50 / p95 / max ms | live ≤ 2 s | feed p50 / p95 / max ms | feed ≤ 2 s | feed reads | all within 2 s | server CPU s | peak RSS MB |");
            Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
            foreach (var p in providers)
            {
                if (p.Celebrity is { } c)
                {
                    Console.WriteLine(FormattableString.Invariant(
                        $"| {p.Provider} | {c.Members:N0} | {c.Sampled} | {c.Posts} | {c.PostsPerSecond:0.0} | {c.PostErrors} | {c.PostP50Ms:0} / {c.PostP95Ms:0} / {c.PostP99Ms:0} / {c.PostMaxMs:0} | {c.Live.P50Ms:0} / {c.Live.P95Ms:0} / {c.Live.MaxMs:0} | {c.Live.WithinTarget:N0} of {c.Live.Expected:N0} | {c.Feed.P50Ms:0} / {c.Feed.P95Ms:0} / {c.Feed.MaxMs:0} | {c.Feed.WithinTarget:N0} of {c.Feed.Expected:N0} | {c.FeedReads:N0} | {(c.Live.AllWithinTarget && c.Feed.AllWithinTarget ? "yes" : "no")} | {c.CpuSeconds:0.0} | {c.PeakRssMb:0} |"));
                }
            }

            Console.WriteLine();
            Console.WriteLine("Fan-out on write into BenchHomeFeed (SQL level, one INSERT … SELECT per post, feeds prefilled to 800 entries per member):");
            Console.WriteLine("| provider | case | posts | rows/post | ms/post | max ms | rows/s |");
            Console.WriteLine("|---|---|---|---|---|---|---|");
            foreach (var p in providers)
            {
                foreach (var f in p.FanOut?.Cases ?? [])
                {
                    Console.WriteLine(FormattableString.Invariant($"| {p.Provider} | {f.Case} | {f.Posts} | {f.RowsPerPost:N0} | {f.MsPerPost:0.0} | {f.MaxMs:0.0} | {f.RowsPerSecond:N0} |"));
                }
            }

            Console.WriteLine();
            Console.WriteLine("| provider | search query | p50 ms | p95 ms | results on page 1 |");
            Console.WriteLine("|---|---|---|---|---|");
            foreach (var p in providers)
            {
                foreach (var s in p.Search)
                {
                    Console.WriteLine(FormattableString.Invariant($"| {p.Provider} | `{s.Query}` | {s.P50Ms:0.0} | {s.P95Ms:0.0} | {s.Results} |"));
                }
            }
        }
    }
}
