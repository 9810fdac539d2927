using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Ruche.Core.Common;
using Ruche.Core.Spaces;
using Ruche.Core.Wiki;
using Ruche.Tests.Infrastructure;
using Ruche.Tests.Wiki;
using Ruche.Web.Live;
using Ruche.Web.Wiki;

namespace Ruche.Tests.Cluster;

/// <summary>Two editors, each on their own node, racing on one page (issue 16): nothing either accepted is ever lost.</summary>
public sealed partial class ClusterTests
{
    private const int Rounds = 5;

    [Fact]
    public async Task Two_editors_on_two_nodes_racing_on_one_page_merge_apart_conflict_together_and_lose_nothing()
    {
        cluster.RequireAvailable();
        var emails = await DemoEmailsAsync(2);
        using var ana = await ApiClientAsync(cluster.Node(1), emails[0]);
        using var bruno = await ApiClientAsync(cluster.Node(2), emails[1]);
        var space = await ReadAsync<SpaceSummary>(
            await ana.PostAsJsonAsync("/api/v1/spaces", new { name = $"Course {Guid.NewGuid():N}"[..20], kind = SpaceKind.Team, visibility = SpaceVisibility.Open }, Actor.Json),
            HttpStatusCode.Created);
        var joined = await bruno.PostAsync($"/api/v1/spaces/{space.Id}/join", null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, joined.StatusCode);
        var page = await ReadAsync<PageCreated>(
            await ana.PostAsJsonAsync($"/api/v1/spaces/{space.Id}/pages", new { title = "Course sur deux nœuds", text = WikiSteps.Lines(40) }, Actor.Json),
            HttpStatusCode.Created);

        // "X modifie cette page" crosses nodes: Ana announces herself on node 1, Bruno hears it on node 2.
        var brunoToken = await TokenAsync(cluster.Node(2), emails[1]);
        var heard = new TaskCompletionSource<PageEditingEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (var live = new HubConnectionBuilder()
            .WithUrl(new Uri(cluster.Node(2), "/hub"), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.AccessTokenProvider = () => Task.FromResult<string?>(brunoToken);
            })
            .Build())
        {
            live.On(nameof(IRucheClient.Listening), () => listening.TrySetResult());
            live.On<PageEditingEvent>(nameof(IRucheClient.PageEditing), message =>
            {
                if (message.PageId == page.Id)
                {
                    heard.TrySetResult(message);
                }
            });
            await live.StartAsync(TestContext.Current.CancellationToken);
            await listening.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.NoContent, (await ana.PostAsync($"/api/v1/pages/{page.Id}/editing", null, TestContext.Current.CancellationToken)).StatusCode);
            var editing = await heard.Task.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
            Assert.False(string.IsNullOrWhiteSpace(editing.DisplayName));
        }

        var number = 1;
        var text = WikiSteps.Lines(40);
        var accepted = new List<(int Number, string Change)>();
        for (var round = 0; round < Rounds; round++)
        {
            // Apart: Ana on line r+1 (node 1), Bruno on line r+11 (node 2), both from the same revision at once.
            var anaLine = round + 1;
            var brunoLine = round + 11;
            var anaApart = $"ligne {anaLine} par Ana au tour {round}";
            var brunoApart = $"ligne {brunoLine} par Bruno au tour {round}";
            var apart = await Task.WhenAll(
                SaveAsync(ana, page.Id, number, ReplaceLine(text, anaLine, anaApart)),
                SaveAsync(bruno, page.Id, number, ReplaceLine(text, brunoLine, brunoApart)));
            Assert.All(apart, r => Assert.Equal(HttpStatusCode.OK, r.Status));
            Assert.Equal([number + 1, number + 2], apart.Select(r => r.Result!.Number).Order());
            Assert.Single(apart, r => r.Result!.Outcome == WikiSaveOutcome.Merged);
            accepted.Add((apart[0].Result!.Number, anaApart));
            accepted.Add((apart[1].Result!.Number, brunoApart));
            var latest = await ReadAsync<WikiPageView>(await bruno.GetAsync($"/api/v1/pages/{page.Id}", TestContext.Current.CancellationToken), HttpStatusCode.OK);
            Assert.Equal(number + 2, latest.Number);
            Assert.Contains(anaApart, latest.Text, StringComparison.Ordinal);
            Assert.Contains(brunoApart, latest.Text, StringComparison.Ordinal);
            number = latest.Number;
            text = latest.Text;

            // Together: both rewrite line r+21 from the same revision at once; one saves, the other gets both texts back.
            var line = round + 21;
            var anaTogether = $"ligne {line} selon Ana au tour {round}";
            var brunoTogether = $"ligne {line} selon Bruno au tour {round}";
            var together = await Task.WhenAll(
                SaveAsync(ana, page.Id, number, ReplaceLine(text, line, anaTogether)),
                SaveAsync(bruno, page.Id, number, ReplaceLine(text, line, brunoTogether)));
            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], together.Select(r => r.Status).Order());
            var (winner, loser) = together[0].Status == HttpStatusCode.OK ? (anaTogether, brunoTogether) : (brunoTogether, anaTogether);
            var refused = together.Single(r => r.Status == HttpStatusCode.Conflict);
            Assert.Equal("wiki.conflict", refused.Problem!.Value.GetProperty("type").GetString()![(Web.Hosting.Problems.TypePrefix.Length)..]);
            var conflict = refused.Problem!.Value.GetProperty("conflict").Deserialize<WikiConflict>(Actor.Json)!;
            Assert.Contains(winner, conflict.Theirs, StringComparison.Ordinal);
            Assert.Contains(loser, conflict.Mine, StringComparison.Ordinal);
            Assert.Equal((number, number + 1), (conflict.BaseNumber, conflict.LatestNumber));
            var saved = together.Single(r => r.Status == HttpStatusCode.OK).Result!;
            accepted.Add((saved.Number, winner));
            latest = await ReadAsync<WikiPageView>(await ana.GetAsync($"/api/v1/pages/{page.Id}", TestContext.Current.CancellationToken), HttpStatusCode.OK);
            Assert.Equal(number + 1, latest.Number);
            Assert.Contains(winner, latest.Text, StringComparison.Ordinal);
            Assert.DoesNotContain(loser, latest.Text, StringComparison.Ordinal);
            number = latest.Number;
            text = latest.Text;
        }

        // Every accepted save is a revision holding its change, and every accepted change is in the latest text.
        var history = await ReadAsync<List<WikiRevisionCard>>(await ana.GetAsync($"/api/v1/pages/{page.Id}/revisions", TestContext.Current.CancellationToken), HttpStatusCode.OK);
        Assert.Equal(Enumerable.Range(1, 1 + (Rounds * 3)).Reverse(), history.Select(r => r.Number));
        foreach (var (revision, change) in accepted)
        {
            var stored = await ReadAsync<WikiRevisionView>(await bruno.GetAsync($"/api/v1/pages/{page.Id}/revisions/{revision}", TestContext.Current.CancellationToken), HttpStatusCode.OK);
            Assert.Contains(change, stored.Text, StringComparison.Ordinal);
            Assert.Contains(change, text, StringComparison.Ordinal);
        }

        TestContext.Current.SendDiagnosticMessage($"Cluster wiki race: {Rounds} rounds, {accepted.Count} saves accepted across two nodes, {Rounds} conflicts returned with both texts.");
    }

    private static string ReplaceLine(string text, int number, string line)
    {
        var lines = text.Split('\n');
        lines[number - 1] = line;
        return string.Join('\n', lines);
    }

    private static async Task<(HttpStatusCode Status, WikiSaveResult? Result, JsonElement? Problem)> SaveAsync(HttpClient client, long pageId, int baseNumber, string text)
    {
        var response = await client.PutAsJsonAsync($"/api/v1/pages/{pageId}", new { baseNumber, title = "Course sur deux nœuds", text }, Actor.Json);
        return response.StatusCode == HttpStatusCode.OK
            ? (response.StatusCode, await response.Content.ReadFromJsonAsync<WikiSaveResult>(Actor.Json), null)
            : (response.StatusCode, null, await response.Content.ReadFromJsonAsync<JsonElement>(Actor.Json));
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.RequestMessage?.RequestUri} returned {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, Actor.Json)!;
    }
}
