using System.Diagnostics;
using System.Globalization;
using System.Text;
using Npgsql;
using Ruche.Tests.Infrastructure;

namespace Ruche.Tests.Cluster;

/// <summary>
/// The real thing, as deploy/local-cluster.sh starts it: PostgreSQL (RUCHE_TEST_POSTGRES's server, its own database),
/// a Redis server, the migrate command, two Ruche processes published from this build and nginx in front, on free
/// loopback ports. Tests drive it over HTTP and kill or restart nodes with the same script.
/// </summary>
public sealed class LocalCluster : IAsyncLifetime
{
    private static readonly string[] Tools = ["/usr/sbin/nginx", "/usr/bin/redis-server", "/usr/bin/psql"];
    private readonly string run = Path.Combine(Path.GetTempPath(), "ruche-cluster-tests", Guid.NewGuid().ToString("N")[..12]);
    private readonly string database = "ruche_cluster_" + Guid.NewGuid().ToString("N")[..12];
    private readonly int[] nodePorts = [BuildOutput.FreePort(), BuildOutput.FreePort()];
    private readonly int proxyPort = BuildOutput.FreePort();
    private readonly int redisPort = BuildOutput.FreePort();
    private string? server;

    public string? SkipReason { get; private set; }

    public Uri Proxy => new($"http://127.0.0.1:{proxyPort}/");

    public string ConnectionString => new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;

    public Uri Node(int number) => new($"http://127.0.0.1:{nodePorts[number - 1]}/");

    public async ValueTask InitializeAsync()
    {
        if (PostgresApp.ServerConnectionString is not { } configured)
        {
            SkipReason = "Cluster tests skipped: set RUCHE_TEST_POSTGRES to a server connection string to run them.";
            return;
        }

        if (Tools.FirstOrDefault(tool => !File.Exists(tool)) is { } missing)
        {
            SkipReason = $"Cluster tests skipped: {missing} is missing (apt-get install nginx redis-server postgresql-client).";
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                throw new InvalidOperationException("CI must run the cluster tests: " + SkipReason);
            }

            return;
        }

        var builder = new NpgsqlConnectionStringBuilder(configured);
        builder.Remove("Database");
        server = builder.ConnectionString;

        // Generous: on a loaded CI machine the demo seeding and two cold starts share two cores with the suite.
        await ScriptAsync(TimeSpan.FromMinutes(6), "up");
    }

    public async ValueTask DisposeAsync()
    {
        if (server is not null)
        {
            await ScriptAsync(TimeSpan.FromMinutes(1), "down");
            try
            {
                Directory.Delete(run, recursive: true);
            }
            catch (IOException)
            {
                // A log still being written by a process that is ending: the temp folder is cleaned later.
            }
        }
    }

    public void RequireAvailable()
    {
        if (SkipReason is not null)
        {
            Assert.Skip(SkipReason);
        }
    }

    public Task KillNodeAsync(int number) => ScriptAsync(TimeSpan.FromSeconds(30), "kill-node", number.ToString(CultureInfo.InvariantCulture));

    public Task StartNodeAsync(int number) => ScriptAsync(TimeSpan.FromMinutes(3), "start-node", number.ToString(CultureInfo.InvariantCulture));

    /// <summary>The log a node wrote (every start appends to it).</summary>
    public string NodeLog(int number) => File.ReadAllText(Path.Combine(run, $"node{number}.log"));

    /// <summary>Runs deploy/local-cluster.sh with this cluster's ports and database; fails the test with its output.</summary>
    private async Task ScriptAsync(TimeSpan timeout, params string[] arguments)
    {
        var script = Path.Combine(BuildOutput.RepositoryRoot(), "deploy", "local-cluster.sh");
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["RUCHE_CLUSTER_DIR"] = run;
        start.Environment["RUCHE_CLUSTER_DB"] = database;
        start.Environment["RUCHE_CLUSTER_POSTGRES"] = server;
        start.Environment["RUCHE_CLUSTER_PROXY_PORT"] = proxyPort.ToString(CultureInfo.InvariantCulture);
        start.Environment["RUCHE_CLUSTER_REDIS_PORT"] = redisPort.ToString(CultureInfo.InvariantCulture);
        start.Environment["RUCHE_CLUSTER_NODE_PORTS"] = string.Join(' ', nodePorts);
        start.Environment["RUCHE_CLUSTER_CONFIGURATION"] = BuildOutput.Configuration;

        // The tests write from one address faster than a person would.
        start.Environment["Ruche__RateLimits__SignInPerMinute"] = "100000";
        start.Environment["Ruche__RateLimits__ApiPerMinute"] = "100000";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start.");
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"local-cluster.sh {string.Join(' ', arguments)} took over {timeout.TotalSeconds} s:\n{output}");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"local-cluster.sh {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{output}");
        }
    }
}
