using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Ruche.Core.Posts;

namespace Ruche.Scale;

/// <summary>A person with a bearer token of their own.</summary>
internal sealed record SignedIn(long PersonId, string Token);

/// <summary>How soon the sampled members saw the measured posts, over every (post, member) pair.</summary>
/// <param name="Expected">Posts × sampled members.</param>
/// <param name="Seen">Pairs seen before the workload stopped waiting (10 s after the last post was answered).</param>
/// <param name="WithinTarget">Pairs seen within 2 s of sending the post (the target).</param>
internal sealed record Visibility(int Expected, int Seen, int WithinTarget, double P50Ms, double P95Ms, double MaxMs)
{
    public bool AllWithinTarget => WithinTarget == Expected;
}

/// <summary>Figures of W3.</summary>
/// <param name="PostsPerSecond">Posts sent, per second from the first sent to the last answered (10 when the server keeps up).</param>
/// <param name="FeedReads">Home-feed pages the sampled members read while looking for the posts (their own load on the server).</param>
internal sealed record CelebrityResult(
    int Members, int Sampled, int Posts, double PostsPerSecond, int PostErrors, double PostP50Ms, double PostP95Ms, double PostP99Ms, double PostMaxMs,
    Visibility Live, Visibility Feed, int FeedReads, double? CpuSeconds, double? PeakRssMb);

/// <summary>
/// W3, a "celebrity" post: the owner of the announcement space (10,000 members) posts there at a steady 10 posts/s
/// for 10 s — open loop: each request leaves on its schedule whether the previous one was answered or not, so a slow
/// server shows as latency rather than as fewer posts. Sampled members, each with their own token, hold a /hub
/// connection as the web page does, and note when the <c>PostPublished</c> message for their home feed arrives (the
/// person-group send to the post's home audience; the company-wide message for the space and company feeds comes
/// separately and is not what a home page shows). To see a post in the feed, a member reads
/// <c>GET /api/v1/feeds/home?pageSize=20</c> when it hears of a post it has not found yet (one read in flight per
/// member; messages that arrive meanwhile are covered by the next read), and at least once a second while a post the
/// poster was answered for is still missing (so a lost live message cannot hide a post from the feed figure).
/// Polling every member every 200 ms instead would add ~250 home-feed reads/s, more than this machine serves, and
/// measure that overload rather than the post. Delays run from sending the post request.
/// </summary>
internal sealed class CelebrityWorkload(Uri server, long spaceId, SignedIn announcer, IReadOnlyList<SignedIn> members, int memberCount, ServerProcess? measured)
{
    /// <summary>The space size: when the company is smaller, the generator adds readers (<see cref="CompanySize.AnnouncementMembers"/>).</summary>
    public const int Members = 10_000;
    public const int Sampled = 50;
    public const int PostsPerSecond = 10;
    public static readonly TimeSpan Duration = TimeSpan.FromSeconds(10);
    private const int PageSize = 20;
    private static readonly TimeSpan Target = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Linger = TimeSpan.FromSeconds(10);
    private readonly ConcurrentDictionary<long, long> posted = new();

    public async Task<CelebrityResult> RunAsync(Action<string> log)
    {
        using var budget = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = members.Count + PostsPerSecond * 4, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var http = new HttpClient(handler) { BaseAddress = server, Timeout = TimeSpan.FromSeconds(30) };
        var readers = members.Select(m => new MemberReader(m, this)).ToList();
        try
        {
            await Task.WhenAll(readers.Select(r => r.ConnectAsync(server, budget.Token)));
            log($"  {readers.Count} sampled members listening on /hub");

            // Two posts nobody measures: the first post into the space warms its queries and group sends.
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(budget.Token);
            var reading = readers.Select(r => Task.Run(() => r.ReadUntilStoppedAsync(http, stop.Token))).ToList();
            foreach (var warm in new[] { -2, -1 })
            {
                await PostAsync(http, warm, budget.Token);
            }

            await Task.Delay(TimeSpan.FromSeconds(1), budget.Token);

            // The measured posts, each on its own schedule.
            var cpuBefore = measured?.CpuSeconds() ?? 0;
            var clock = Stopwatch.StartNew();
            var count = (int)(PostsPerSecond * Duration.TotalSeconds);
            var sending = new List<Task<PostSample>>();
            for (var i = 0; i < count; i++)
            {
                var due = TimeSpan.FromSeconds((double)i / PostsPerSecond) - clock.Elapsed;
                if (due > TimeSpan.Zero)
                {
                    await Task.Delay(due, budget.Token);
                }

                sending.Add(PostAsync(http, i, budget.Token));
            }

            var samples = await Task.WhenAll(sending);
            var sendSeconds = clock.Elapsed.TotalSeconds;
            var cpu = measured is null ? (double?)null : measured.CpuSeconds() - cpuBefore;
            var ids = samples.Where(s => s.PostId is not null).Select(s => s.PostId!.Value).ToArray();
            var waited = Stopwatch.StartNew();
            while (waited.Elapsed < Linger && !readers.All(r => r.HasAll(ids)))
            {
                await Task.Delay(50, budget.Token);
            }

            await stop.CancelAsync();
            await Task.WhenAll(reading);

            var latencies = samples.Select(s => s.Milliseconds).Order().ToArray();
            var sent = samples.Where(s => s.PostId is not null).ToDictionary(s => s.PostId!.Value, s => s.SentAt);
            return new CelebrityResult(
                memberCount, readers.Count, samples.Length, samples.Length / sendSeconds, samples.Count(s => s.PostId is null),
                Percentile(latencies, 0.50), Percentile(latencies, 0.95), Percentile(latencies, 0.99), latencies.LastOrDefault(),
                Figures(readers, sent, r => r.HeardAt), Figures(readers, sent, r => r.FoundAt), readers.Sum(r => r.Reads), cpu, measured?.PeakRssMb());
        }
        finally
        {
            foreach (var reader in readers)
            {
                await reader.DisposeAsync();
            }
        }
    }

    /// <summary>One post into the space; a failed request is a sample without an id (an error).</summary>
    private async Task<PostSample> PostAsync(HttpClient http, int number, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.Serialize(new { body = $"**Annonce {number}** : la direction informe tous les collaborateurs du point n° {number} de la semaine.", spaceId });
        using var message = new HttpRequestMessage(HttpMethod.Post, "/api/v1/posts") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", announcer.Token);
        var sentAt = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.SendAsync(message, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            var took = Stopwatch.GetElapsedTime(sentAt).TotalMilliseconds;
            if (!response.IsSuccessStatusCode)
            {
                return new PostSample(null, sentAt, took);
            }

            using var card = JsonDocument.Parse(text);
            var id = card.RootElement.GetProperty("id").GetInt64();
            posted[id] = Stopwatch.GetTimestamp();
            return new PostSample(id, sentAt, took);
        }
        catch (HttpRequestException)
        {
            return new PostSample(null, sentAt, Stopwatch.GetElapsedTime(sentAt).TotalMilliseconds);
        }
    }

    private static Visibility Figures(IReadOnlyList<MemberReader> readers, Dictionary<long, long> sent, Func<MemberReader, ConcurrentDictionary<long, long>> seen)
    {
        var delays = new List<double>();
        foreach (var reader in readers)
        {
            foreach (var (postId, sentAt) in sent)
            {
                if (seen(reader).TryGetValue(postId, out var at))
                {
                    delays.Add(Stopwatch.GetElapsedTime(sentAt, at).TotalMilliseconds);
                }
            }
        }

        var sorted = delays.Order().ToArray();
        return new Visibility(sent.Count * readers.Count, sorted.Length, sorted.Count(d => d <= Target.TotalMilliseconds),
            Percentile(sorted, 0.50), Percentile(sorted, 0.95), sorted.LastOrDefault());
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

    private sealed record PostSample(long? PostId, long SentAt, double Milliseconds);

    /// <summary>One sampled member: their live connection and their home-feed reads.</summary>
    private sealed class MemberReader(SignedIn member, CelebrityWorkload workload) : IAsyncDisposable
    {
        private readonly SemaphoreSlim heard = new(0);
        private readonly TaskCompletionSource listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private HubConnection? connection;

        /// <summary>When the home-feed PostPublished of each post arrived (Stopwatch timestamps), first arrival only.</summary>
        public ConcurrentDictionary<long, long> HeardAt { get; } = new();

        /// <summary>When a home-feed page holding each post was read to its end.</summary>
        public ConcurrentDictionary<long, long> FoundAt { get; } = new();

        public int Reads { get; private set; }

        /// <summary>Posts already pushed off page 1 by newer ones when this member read it: no longer looked for.</summary>
        private HashSet<long> Passed { get; } = [];

        private bool Wanted(long id) => !FoundAt.ContainsKey(id) && !Passed.Contains(id);

        public async Task ConnectAsync(Uri server, CancellationToken cancellationToken)
        {
            connection = new HubConnectionBuilder()
                .WithUrl(new Uri(server, "/hub"), o =>
                {
                    o.Transports = HttpTransportType.WebSockets;
                    o.SkipNegotiation = true;
                    o.Headers["Authorization"] = "Bearer " + member.Token;
                })
                .Build();
            connection.On("Listening", () => listening.TrySetResult()); // the hub's own message (Ruche.Web.Live.IRucheClient)
            connection.On<PostPublishedEvent>(nameof(IPostsLiveClient.PostPublished), e =>
            {
                var now = Stopwatch.GetTimestamp();
                if (e.Feeds.Contains(LiveFeeds.Home) && HeardAt.TryAdd(e.PostId, now))
                {
                    heard.Release();
                }
            });
            await connection.StartAsync(cancellationToken);
            await listening.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        }

        public bool HasAll(long[] ids) => ids.All(id => HeardAt.ContainsKey(id) && FoundAt.ContainsKey(id));

        public async Task ReadUntilStoppedAsync(HttpClient http, CancellationToken stop)
        {
            var buffer = new MemoryStream();
            var lastRead = Stopwatch.GetTimestamp();
            try
            {
                while (!stop.IsCancellationRequested)
                {
                    var heardMissing = HeardAt.Keys.Any(Wanted);
                    var postedMissing = Stopwatch.GetElapsedTime(lastRead) >= TimeSpan.FromSeconds(1) && workload.posted.Keys.Any(Wanted);
                    if (!heardMissing && !postedMissing)
                    {
                        await heard.WaitAsync(TimeSpan.FromMilliseconds(100), stop);
                        continue;
                    }

                    while (heard.CurrentCount > 0 && heard.Wait(0, CancellationToken.None))
                    {
                        // this read covers every message heard so far
                    }

                    using var message = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/feeds/home?pageSize={PageSize}");
                    message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", member.Token);
                    using var response = await http.SendAsync(message, stop);
                    buffer.SetLength(0);
                    await (await response.Content.ReadAsStreamAsync(stop)).CopyToAsync(buffer, stop);
                    var now = lastRead = Stopwatch.GetTimestamp();
                    Reads++;
                    if (response.IsSuccessStatusCode)
                    {
                        using var page = JsonDocument.Parse(buffer.ToArray());
                        var ids = page.RootElement.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetInt64()).ToList();
                        foreach (var id in ids)
                        {
                            FoundAt.TryAdd(id, now);
                        }

                        if (ids.Count == PageSize)
                        {
                            Passed.UnionWith(HeardAt.Keys.Concat(workload.posted.Keys).Where(id => id < ids.Min() && Wanted(id)));
                        }
                    }

                    // Still missing after a read (not committed yet for this reader, or a failed read): not at once again.
                    if (HeardAt.Keys.Any(Wanted))
                    {
                        await Task.Delay(TimeSpan.FromMilliseconds(200), stop);
                    }
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }

            heard.Dispose();
        }
    }
}
