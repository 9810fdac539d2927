using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Ruche.Core.Files;
using Ruche.Tests.Infrastructure;

namespace Ruche.Tests.Files;

/// <summary>
/// An S3-compatible server for the file tests: s3rver (npm, installed in tools/s3rver by .ci/run: <c>npm ci</c> there),
/// started once per test run on a free loopback port and stopped when the run ends. Without it the S3 tests are
/// skipped with the reason; in CI (CI=true) a missing s3rver is a failure, as for PostgreSQL.
/// </summary>
public static class TestS3
{
    public const string Key = "S3RVER";

    private static readonly Lazy<Task<(string? Endpoint, string? Missing)>> Server = new(StartAsync);

    /// <summary>The endpoint ("http://127.0.0.1:port"), or null with the reason the S3 tests cannot run here.</summary>
    public static async Task<(string? Endpoint, string? Missing)> EndpointAsync()
    {
        var server = await Server.Value;
        if (server.Endpoint is null && Environment.GetEnvironmentVariable("CI") == "true")
        {
            throw new InvalidOperationException($"CI must run the S3 file tests: {server.Missing}");
        }

        return server;
    }

    /// <summary>Settings for a bucket of its own on the test server.</summary>
    public static S3StoreSettings Settings(string endpoint, string bucket) =>
        new() { Endpoint = endpoint, Bucket = bucket, AccessKey = Key, SecretKey = Key, PathStyle = true };

    private static async Task<(string?, string?)> StartAsync()
    {
        var tools = Path.Combine(BuildOutput.RepositoryRoot(), "tools", "s3rver");
        var script = Path.Combine(tools, "node_modules", "s3rver", "bin", "s3rver.js");
        var node = new[] { "/usr/bin/node", "/usr/local/bin/node" }.FirstOrDefault(File.Exists);
        if (node is null || !File.Exists(script))
        {
            return (null, "S3 file tests skipped: s3rver is not installed (run `npm ci` in tools/s3rver; Node.js needed).");
        }

        var port = BuildOutput.FreePort();
        var data = Path.Combine(Path.GetTempPath(), "ruche-s3rver", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        var process = Process.Start(new ProcessStartInfo(node)
        {
            ArgumentList = { script, "-d", data, "-a", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--silent", "--no-vhost-buckets" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("s3rver did not start.");
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

            try
            {
                Directory.Delete(data, recursive: true);
            }
            catch (IOException)
            {
            }
        };

        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(20))
        {
            if (await AcceptsAsync(port))
            {
                return ($"http://127.0.0.1:{port}", null);
            }

            if (process.HasExited)
            {
                break;
            }

            await Task.Delay(100);
        }

        return (null, $"s3rver did not answer on 127.0.0.1:{port}.");
    }

    private static async Task<bool> AcceptsAsync(int port)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
