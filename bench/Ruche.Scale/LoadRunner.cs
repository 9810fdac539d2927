using System.Diagnostics;
using System.Net.Http.Headers;

namespace Ruche.Scale;

/// <summary>One request a worker makes: its kind (for per-kind figures), method, path and optional JSON body.</summary>
internal sealed record LoadRequest(string Kind, HttpMethod Method, string Path, string? Json = null);

/// <summary>Figures of one workload run.</summary>
internal sealed record LoadResult(
    string Workload, int Connections, double Seconds, long Requests, long Errors, double Throughput,
    double P50Ms, double P95Ms, double P99Ms, double BytesPerResponse, double? CpuSecondsPer1000, double? PeakRssMb,
    IReadOnlyDictionary<string, KindFigures> ByKind);

internal sealed record KindFigures(long Requests, long Errors, double P50Ms, double P95Ms, double P99Ms);

/// <summary>
/// N workers, each with its own bearer token, sending requests back to back over one pooled HttpClient (N
/// connections) for a fixed time after a warm-up; latency is from sending to the last byte of the body read.
/// </summary>
internal static class LoadRunner
{
    public static async Task<LoadResult> RunAsync(
        string workload, Uri server, IReadOnlyList<string?> tokens, int connections, TimeSpan duration, TimeSpan warmUp,
        Func<int, Random, LoadRequest> next, ServerProcess? measured)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan, AutomaticDecompression = System.Net.DecompressionMethods.None };
        using var http = new HttpClient(handler) { BaseAddress = server, Timeout = TimeSpan.FromSeconds(30) };
        var samples = new List<(string Kind, long Ticks, bool Ok, long Bytes)>[connections];
        var measuring = false;
        var stopAt = Stopwatch.StartNew();
        var total = warmUp + duration;
        double cpuBefore = 0;
        var measureClock = new Stopwatch();

        async Task WorkerAsync(int worker)
        {
            var random = new Random(worker * 7919);
            var mine = samples[worker] = new(4096);
            var buffer = new byte[64 * 1024];
            while (stopAt.Elapsed < total)
            {
                var request = next(worker, random);
                using var message = new HttpRequestMessage(request.Method, request.Path);
                if (tokens[worker % tokens.Count] is { } token)
                {
                    message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                }

                if (request.Json is not null)
                {
                    message.Content = new StringContent(request.Json, System.Text.Encoding.UTF8, "application/json");
                }

                var started = Stopwatch.GetTimestamp();
                var ok = false;
                long bytes = 0;
                try
                {
                    using var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead);
                    await using var body = await response.Content.ReadAsStreamAsync();
                    int read;
                    while ((read = await body.ReadAsync(buffer)) > 0)
                    {
                        bytes += read;
                    }

                    ok = response.IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                }
                catch (TaskCanceledException)
                {
                }

                if (Volatile.Read(ref measuring) && stopAt.Elapsed < total)
                {
                    mine.Add((request.Kind, Stopwatch.GetTimestamp() - started, ok, bytes));
                }
            }
        }

        var workers = Enumerable.Range(0, connections).Select(w => Task.Run(() => WorkerAsync(w))).ToList();
        await Task.Delay(warmUp);
        cpuBefore = measured?.CpuSeconds() ?? 0;
        measureClock.Start();
        Volatile.Write(ref measuring, true);
        await Task.WhenAll(workers);
        measureClock.Stop();
        var cpu = measured is null ? (double?)null : measured.CpuSeconds() - cpuBefore;

        var all = samples.SelectMany(s => s).ToList();
        var seconds = measureClock.Elapsed.TotalSeconds;
        var byKind = all.GroupBy(s => s.Kind).ToDictionary(g => g.Key, g =>
        {
            var latencies = g.Select(s => s.Ticks).Order().ToArray();
            return new KindFigures(g.Count(), g.Count(s => !s.Ok), Percentile(latencies, 0.50), Percentile(latencies, 0.95), Percentile(latencies, 0.99));
        });
        var sorted = all.Select(s => s.Ticks).Order().ToArray();
        return new LoadResult(
            workload, connections, seconds, all.Count, all.Count(s => !s.Ok), all.Count / seconds,
            Percentile(sorted, 0.50), Percentile(sorted, 0.95), Percentile(sorted, 0.99),
            all.Count == 0 ? 0 : all.Average(s => (double)s.Bytes),
            cpu is null || all.Count == 0 ? null : cpu.Value / all.Count * 1000, measured?.PeakRssMb(), byKind);
    }

    private static double Percentile(long[] sortedTicks, double p) =>
        sortedTicks.Length == 0 ? 0 : sortedTicks[Math.Min(sortedTicks.Length - 1, (int)(p * sortedTicks.Length))] * 1000.0 / Stopwatch.Frequency;
}
