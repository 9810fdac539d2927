using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Ruche.Scale;

/// <summary>A server this program started (Ruche or the Kestrel floor), with its CPU time and peak memory read from /proc.</summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process process;

    private ServerProcess(Process process, Uri address)
    {
        this.process = process;
        Address = address;
    }

    public Uri Address { get; }

    public int Pid => process.Id;

    public static async Task<ServerProcess> StartAsync(string dll, string[] arguments, IDictionary<string, string> environment, string workingDirectory, string readyPath)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 } line) { Console.Error.WriteLine("  [server] " + line); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        using var http = new HttpClient();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            try
            {
                if ((await http.GetAsync(new Uri(server.Address, readyPath))).IsSuccessStatusCode)
                {
                    return server;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            if (process.HasExited)
            {
                break;
            }

            await Task.Delay(100);
        }

        await server.DisposeAsync();
        throw new InvalidOperationException($"{dll} did not become ready.");
    }

    /// <summary>User + system CPU seconds the process has used so far (/proc/pid/stat, fields 14 and 15).</summary>
    public double CpuSeconds()
    {
        var stat = File.ReadAllText($"/proc/{Pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return ticks / 100.0;
    }

    /// <summary>Peak resident memory in MB (VmHWM).</summary>
    public double PeakRssMb()
    {
        var line = File.ReadLines($"/proc/{Pid}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>The Kestrel floor: the smallest ASP.NET Core app answering a fixed JSON body of a given size.</summary>
internal static class FloorServer
{
    public static async Task RunAsync(string[] args)
    {
        var size = int.Parse(args[1], CultureInfo.InvariantCulture);
        var body = System.Text.Encoding.UTF8.GetBytes("{\"items\":\"" + new string('x', Math.Max(0, size - 12)) + "\"}");
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateSlimBuilder(args.Skip(2).ToArray());
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/floor", (Microsoft.AspNetCore.Http.HttpContext context) =>
        {
            context.Response.ContentType = "application/json";
            return context.Response.Body.WriteAsync(body).AsTask();
        });
        app.MapGet("/ready", () => "ok");
        await app.RunAsync();
    }
}
