using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Hosting;

namespace Ruche.Tests.Infrastructure;

/// <summary>
/// A Redis server for the backplane tests: RUCHE_TEST_REDIS names one (host:port), or else one redis-server is started
/// for the test run on a free loopback port and stopped when the run ends. Without either the tests are skipped with
/// the reason; in CI (CI=true) a missing Redis is a failure, as for PostgreSQL.
/// </summary>
public static class TestRedis
{
    private static readonly Lazy<Task<(string? Endpoint, string? Missing)>> Server = new(StartAsync);

    /// <summary>The endpoint ("127.0.0.1:port"), or null with the reason the Redis tests cannot run here.</summary>
    public static async Task<(string? Endpoint, string? Missing)> EndpointAsync()
    {
        var server = await Server.Value;
        if (server.Endpoint is null && Environment.GetEnvironmentVariable("CI") == "true")
        {
            throw new InvalidOperationException($"CI must run the Redis backplane tests: {server.Missing}");
        }

        return server;
    }

    private static async Task<(string?, string?)> StartAsync()
    {
        if (Environment.GetEnvironmentVariable("RUCHE_TEST_REDIS") is { Length: > 0 } configured)
        {
            return (configured, null);
        }

        var binary = new[] { "/usr/bin/redis-server", "/usr/local/bin/redis-server" }.FirstOrDefault(File.Exists);
        if (binary is null)
        {
            return (null, "Redis backplane tests skipped: no redis-server (apt-get install redis-server) and RUCHE_TEST_REDIS is not set.");
        }

        var port = BuildOutput.FreePort();
        var process = Process.Start(new ProcessStartInfo(binary)
        {
            ArgumentList = { "--bind", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--save", "", "--appendonly", "no", "--daemonize", "no" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("redis-server did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        };

        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(10))
        {
            if (await PingAsync(port))
            {
                return ($"127.0.0.1:{port}", null);
            }

            if (process.HasExited)
            {
                break;
            }

            await Task.Delay(50);
        }

        return (null, $"redis-server did not answer on 127.0.0.1:{port}.");
    }

    private static async Task<bool> PingAsync(int port)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
    }
}

/// <summary>Nodes sharing a Redis backplane; each fixture has its own channel prefix, so fixtures never hear each other.</summary>
internal static class RedisNodes
{
    public static async Task<(string? Configuration, string? SkipReason)> PrepareAsync()
    {
        var (endpoint, missing) = await TestRedis.EndpointAsync();
        return endpoint is null ? (null, missing) : ($"{endpoint},channelPrefix=ruche-test-{Guid.NewGuid():N}", null);
    }

    public static void Configure(IWebHostBuilder builder, string? configuration) =>
        builder.UseSetting("ConnectionStrings:Redis", configuration);
}

public sealed class RedisSqliteApp : SqliteApp
{
    private string? redis;

    protected override async Task<string?> PrepareNodeAsync()
    {
        (redis, var skip) = await RedisNodes.PrepareAsync();
        return skip;
    }

    protected override void ConfigureNode(IWebHostBuilder builder) => RedisNodes.Configure(builder, redis);
}

public sealed class RedisPostgresApp : PostgresApp
{
    private string? redis;

    protected override async Task<string?> PrepareNodeAsync()
    {
        (redis, var skip) = await RedisNodes.PrepareAsync();
        return skip;
    }

    protected override void ConfigureNode(IWebHostBuilder builder) => RedisNodes.Configure(builder, redis);
}
