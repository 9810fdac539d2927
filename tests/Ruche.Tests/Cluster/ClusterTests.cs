using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Npgsql;
using Ruche.Core.Access;
using Ruche.Core.Feeds;
using Ruche.Core.Posts;
using Ruche.Demo;
using Ruche.Tests.Infrastructure;
using Ruche.Web.Live;

namespace Ruche.Tests.Cluster;

/// <summary>
/// Two Ruche processes behind nginx on one PostgreSQL database and one Redis (deploy/local-cluster.sh): what one node
/// signs or publishes, the other honours; a node killed mid-traffic loses no accepted write, and comes back cleanly.
/// </summary>
public sealed partial class ClusterTests(LocalCluster cluster) : IClassFixture<LocalCluster>
{
    [Fact]
    public async Task A_sign_in_made_on_one_node_is_honoured_by_the_other_with_its_form_tokens()
    {
        cluster.RequireAvailable();
        var email = (await DemoEmailsAsync(1))[0];
        var cookies = new Dictionary<string, string>(StringComparer.Ordinal);
        using var browser = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false });

        var login = await SendAsync(browser, cookies, HttpMethod.Get, cluster.Node(1), "/login");
        var token = AntiforgeryToken(await login.Content.ReadAsStringAsync());
        var signIn = await SendAsync(browser, cookies, HttpMethod.Post, cluster.Node(1), "/ui/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = email, ["password"] = DemoCompany.Password, ["returnUrl"] = "/", [Browser.AntiforgeryField] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/", signIn.Headers.Location?.OriginalString);

        // Node 2 reads node 1's cookie (a signed-in page, not the sign-in form) …
        var home = await SendAsync(browser, cookies, HttpMethod.Get, cluster.Node(2), "/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);

        // … and accepts a form token node 1 made: signing out there works and ends the session everywhere.
        var formToken = AntiforgeryToken(await (await SendAsync(browser, cookies, HttpMethod.Get, cluster.Node(1), "/")).Content.ReadAsStringAsync());
        var signOut = await SendAsync(browser, cookies, HttpMethod.Post, cluster.Node(2), "/ui/logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [Browser.AntiforgeryField] = formToken,
        }));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        var afterwards = await SendAsync(browser, cookies, HttpMethod.Get, cluster.Node(1), "/");
        Assert.Equal(HttpStatusCode.Redirect, afterwards.StatusCode);
        Assert.Contains("/login", afterwards.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_written_on_one_node_reaches_a_reader_connected_to_the_other_live()
    {
        cluster.RequireAvailable();
        var emails = await DemoEmailsAsync(2);
        using var author = await ApiClientAsync(cluster.Node(1), emails[0]);
        var readerToken = await TokenAsync(cluster.Node(2), emails[1]);
        var heard = new TaskCompletionSource<PostPublishedEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var live = new HubConnectionBuilder()
            .WithUrl(new Uri(cluster.Node(2), "/hub"), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.AccessTokenProvider = () => Task.FromResult<string?>(readerToken);
            })
            .Build();
        var postId = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        live.On(nameof(IRucheClient.Listening), () => listening.TrySetResult());
        live.On<PostPublishedEvent>(nameof(IRucheClient.PostPublished), async message =>
        {
            // A post comes as two messages, in no set order: one to its home audience, one company-wide.
            if (message.PostId == await postId.Task && message.Feeds.Contains(LiveFeeds.Company))
            {
                heard.TrySetResult(message);
            }
        });
        await live.StartAsync(TestContext.Current.CancellationToken);
        await listening.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        var post = await CreatePostAsync(author, "Écrit sur le nœud 1, lu en direct sur le nœud 2");
        postId.SetResult(post);

        // Within seconds of the write's answer (a generous bound: CI shares two cores with the whole suite).
        var message = await heard.Task.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        Assert.Contains(LiveFeeds.Company, message.Feeds);
    }

    [Fact]
    public async Task A_node_killed_mid_traffic_loses_no_accepted_write_the_other_keeps_serving_and_it_comes_back_cleanly()
    {
        cluster.RequireAvailable();
        var emails = await DemoEmailsAsync(2);
        using var first = await ApiClientAsync(cluster.Proxy, emails[0]);
        using var second = await ApiClientAsync(cluster.Proxy, emails[1]);
        var accepted = new ConcurrentBag<(long Id, TimeSpan At)>();
        var refused = 0;
        var clock = Stopwatch.StartNew();
        var killedAt = TimeSpan.MaxValue;
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(6));

        async Task WriteAsync(HttpClient client, int writer)
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                try
                {
                    var response = await client.PostAsJsonAsync("/api/v1/posts", new { body = $"Écrivain {writer}, billet {i}" }, Actor.Json);
                    if (response.IsSuccessStatusCode)
                    {
                        var card = await response.Content.ReadFromJsonAsync<PostCard>(Actor.Json);
                        accepted.Add((card!.Id, clock.Elapsed));
                    }
                    else
                    {
                        Interlocked.Increment(ref refused);
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref refused);
                }
            }
        }

        var writers = Enumerable.Range(0, 6).Select(w => Task.Run(() => WriteAsync(w % 2 == 0 ? first : second, w))).ToList();
        await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);
        await cluster.KillNodeAsync(1);
        killedAt = clock.Elapsed;
        await Task.WhenAll(writers);

        Assert.True(accepted.Any(a => a.At < killedAt), "Nothing was accepted before the kill.");
        Assert.True(accepted.Any(a => a.At > killedAt + TimeSpan.FromSeconds(1)), "Nothing was accepted after the kill: the other node stopped serving.");
        var ids = accepted.Select(a => a.Id).ToArray();
        Assert.Equal(ids.Length, await CountPostsAsync(ids));

        // Restarted on the same database, node 1 is ready again (no migration of its own) and serves what node 2 wrote.
        await cluster.StartNodeAsync(1);
        using var health = new HttpClient();
        var ready = await health.GetAsync(new Uri(cluster.Node(1), "/health/ready"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        using var direct = await ApiClientAsync(cluster.Node(1), emails[0]);
        var latest = accepted.MaxBy(a => a.At).Id;
        Assert.Equal(HttpStatusCode.OK, (await direct.GetAsync($"/api/v1/posts/{latest}", TestContext.Current.CancellationToken)).StatusCode);
        Assert.DoesNotContain("Applying migration", cluster.NodeLog(1), StringComparison.Ordinal);
        TestContext.Current.SendDiagnosticMessage($"Kill test: {ids.Length} writes accepted, {refused} refused or cut, node 1 killed at {killedAt.TotalSeconds:0.0} s.");
    }

    private async Task<IReadOnlyList<string>> DemoEmailsAsync(int count)
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand("""SELECT "Email" FROM "AspNetUsers" WHERE "IsActive" ORDER BY "Id" DESC LIMIT @count""", connection);
        command.Parameters.AddWithValue("count", count);
        var emails = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            emails.Add(reader.GetString(0));
        }

        Assert.Equal(count, emails.Count);
        return emails;
    }

    private async Task<long> CountPostsAsync(long[] ids)
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand("""SELECT count(*) FROM "Posts" WHERE "Id" = ANY(@ids)""", connection);
        command.Parameters.AddWithValue("ids", ids);
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    private static async Task<string> TokenAsync(Uri node, string email)
    {
        using var client = new HttpClient { BaseAddress = node };
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = DemoCompany.Password }, Actor.Json);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<IssuedToken>(Actor.Json))!.Token;
    }

    private static async Task<HttpClient> ApiClientAsync(Uri node, string email)
    {
        var client = new HttpClient { BaseAddress = node, Timeout = TimeSpan.FromSeconds(10) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(node, email));
        return client;
    }

    private static async Task<long> CreatePostAsync(HttpClient client, string body)
    {
        var response = await client.PostAsJsonAsync("/api/v1/posts", new { body }, Actor.Json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<PostCard>(Actor.Json))!.Id;
    }

    /// <summary>A request with the cookies gathered so far (whatever node set them), gathering the ones it sets.</summary>
    private static async Task<HttpResponseMessage> SendAsync(HttpClient browser, Dictionary<string, string> cookies, HttpMethod method, Uri node, string path, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(node, path)) { Content = content };
        if (cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}")));
        }

        var response = await browser.SendAsync(request);
        foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
        {
            var pair = header.Split(';', 2)[0].Split('=', 2);
            if (header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
            {
                cookies.Remove(pair[0]);
            }
            else
            {
                cookies[pair[0]] = pair[1];
            }
        }

        return response;
    }

    private static string AntiforgeryToken(string html)
    {
        var match = AntiforgeryInput().Match(html);
        Assert.True(match.Success, "No antiforgery token on the page.");
        return WebUtility.HtmlDecode(match.Groups["value"].Value);
    }

    [GeneratedRegex("""<input[^>]*name="__RequestVerificationToken"[^>]*value="(?<value>[^"]+)"|<input[^>]*value="(?<value>[^"]+)"[^>]*name="__RequestVerificationToken""")]
    private static partial Regex AntiforgeryInput();
}
