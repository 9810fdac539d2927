using System.Diagnostics;
using System.Globalization;
using System.Text;
using Ruche.Tests.Infrastructure;

namespace Ruche.Tests.Hosting;

/// <summary>
/// Ruche as an operator starts it: <c>dotnet …/bin/Release/net10.0/Ruche.Web.dll</c> as its own process, in Production,
/// from an unrelated working directory (a temp folder holding nothing of the app), on SQLite in a temp data folder, on a
/// free loopback port. Nothing of WebApplicationFactory: what it finds, it finds by itself.
/// </summary>
public sealed class BuiltAppProcess : IAsyncLifetime
{
    private readonly string workingDirectory = Path.Combine(Path.GetTempPath(), "ruche-started-elsewhere", Guid.NewGuid().ToString("N")[..12]);
    private readonly int port = BuildOutput.FreePort();
    private readonly StringBuilder log = new();
    private Process? process;

    public Uri Address => new($"http://127.0.0.1:{port}/");

    public static string AppFolder => BuildOutput.WebAppFolder;

    /// <summary>Everything the process wrote so far (standard output and error).</summary>
    public string Log
    {
        get
        {
            lock (log)
            {
                return log.ToString();
            }
        }
    }

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(workingDirectory);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppFolder, "Ruche.Web.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(Address.ToString().TrimEnd('/'));

        // Only what an operator would set; nothing that tells the app where its own files are.
        foreach (var inherited in start.Environment.Keys.Where(key => key.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || key.StartsWith("DOTNET_CONTENTROOT", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(inherited);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Ruche__DataDir"] = Path.Combine(workingDirectory, "data");
        start.Environment["Ruche__DemoData"] = "false";
        start.Environment["Ruche__GoalsScheduler"] = "false";
        start.Environment["Database__Provider"] = "Sqlite";
        process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromMinutes(2))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Ruche exited with {process.ExitCode.ToString(CultureInfo.InvariantCulture)} before answering:\n{Log}");
            }

            try
            {
                if ((await client.GetAsync(new Uri(Address, "health"))).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Still starting (migrations on a loaded machine).
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"Ruche did not answer /health within {waited.Elapsed.TotalSeconds:0} s:\n{Log}");
    }

    public async ValueTask DisposeAsync()
    {
        if (process is not null)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            process.Dispose();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(workingDirectory, recursive: true);
        }
        catch (IOException)
        {
            // The temp folder is cleaned by the OS later.
        }
    }

    private void Append(string? line)
    {
        lock (log)
        {
            log.AppendLine(line);
        }
    }
}
