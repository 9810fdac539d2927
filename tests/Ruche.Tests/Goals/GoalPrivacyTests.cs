using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Ruche.Core.Goals;
using Ruche.Core.Common;
using Ruche.Core.Spaces;
using Ruche.Tests.Infrastructure;

namespace Ruche.Tests.Goals;

/// <summary>
/// The goals routine is not an activity score (PRODUCT.md, "No surveillance"): no page, API answer, export or
/// notification that a manager, HR, an administrator or a colleague reads holds another person's done/total, streak
/// or per-person count; the person themself sees their own.
/// </summary>
public abstract partial class GoalPrivacyTests(RucheApp app) : ProviderTests(app)
{
    [Fact]
    public async Task Nobody_but_the_person_reads_their_tally_or_streak_until_they_share_it()
    {
        App.SetUtc(new DateTimeOffset(2026, 3, 3, 8, 0, 0, TimeSpan.Zero));
        var manager = await App.NewWorkerAsync("Manon Lead", "Europe/Paris", "FR");
        var team = await manager.CreateSpaceAsync("Équipe confidentialité", SpaceVisibility.Private, SpaceKind.Team);
        var owner = await App.NewWorkerAsync("Olivier Objectifs", "Europe/Paris", "FR");
        var colleague = await App.NewWorkerAsync("Chloé Collègue", "Europe/Paris", "FR");
        var hr = await App.NewPersonAsync("Hélène RH", "Europe/Paris", "hr");
        var admin = await App.NewPersonAsync("Arnaud Admin", "Europe/Paris", "administrator");
        foreach (var member in new[] { owner, colleague, hr, admin })
        {
            await manager.AddToSpaceAsync(team, member);
        }

        await colleague.FollowAsync(owner);
        await hr.FollowAsync(owner);
        var list = await owner.PostGoalsAsync("Écrire la note de cadrage", "Relire le contrat", "Former Chloé");
        await owner.CheckOffAsync(list.Goals[0].Id, GoalStatus.Done);
        await colleague.SuggestAsync(list.Goals[1].Id, "Appeler le client d'abord");

        var readers = new[] { ("manager", manager), ("colleague", colleague), ("hr", hr), ("administrator", admin) };
        foreach (var (role, reader) in readers)
        {
            var browser = await App.SignInWithBrowserCookiesAsync(reader);
            var read = new Dictionary<string, string>
            {
                ["home page"] = await browser.PageAsync("/"),
                ["post page"] = await browser.PageAsync($"/posts/{list.PostId}"),
                ["board page"] = await browser.PageAsync($"/spaces/{team.Id}/goals"),
                ["space page"] = await browser.PageAsync($"/spaces/{team.Id}"),
                ["profile page"] = await browser.PageAsync($"/people/{owner.Handle}"),
                ["history page"] = await browser.PageAsync($"/people/{owner.Id}/goals", HttpStatusCode.Forbidden),
                ["notifications page"] = await browser.PageAsync("/notifications"),
                ["search page"] = await browser.PageAsync("/search?q=contrat"),
                ["home API"] = await TextAsync(reader, "/api/v1/feeds/home"),
                ["today's goals API"] = await TextAsync(reader, "/api/v1/feeds/home/goals-today"),
                ["post API"] = await TextAsync(reader, $"/api/v1/posts/{list.PostId}"),
                ["goals API"] = await TextAsync(reader, $"/api/v1/goals/{list.Id}"),
                ["board API"] = await TextAsync(reader, $"/api/v1/spaces/{team.Id}/goals-board"),
                ["space feed API"] = await TextAsync(reader, $"/api/v1/spaces/{team.Id}/feed"),
                ["profile feed API"] = await TextAsync(reader, $"/api/v1/people/{owner.Id}/feed"),
                ["history API"] = await TextAsync(reader, $"/api/v1/people/{owner.Id}/goals-history", HttpStatusCode.Forbidden),
                ["notifications API"] = await TextAsync(reader, "/api/v1/notifications"),
                ["search API"] = await TextAsync(reader, "/api/v1/search?q=contrat"),
                ["their own export"] = await ExportTextAsync(reader),
            };

            // What the routine is made of stays readable: the goals and their statuses.
            Assert.Contains("Relire le contrat", read["post page"], StringComparison.Ordinal);
            Assert.Contains("Relire le contrat", read["board API"], StringComparison.Ordinal);
            foreach (var (where, text) in read)
            {
                AssertNoScore(text, $"{role}, {where}");
            }
        }

        // The person reads their own tally and history.
        var ownerBrowser = await App.SignInWithBrowserCookiesAsync(owner);
        Assert.Contains("1 sur 3 termin", await ownerBrowser.PageAsync($"/posts/{list.PostId}"), StringComparison.Ordinal);
        Assert.Contains("heatmap", await ownerBrowser.PageAsync($"/people/{owner.Id}/goals"), StringComparison.Ordinal);
        var own = await owner.GetAsync<GoalHistory>($"/api/v1/people/{owner.Id}/goals-history");
        Assert.Equal((1, 3), (own.Days[^1].Done, own.Days[^1].Total));
        Assert.Equal(1, own.Streak);
        Assert.False(own.Shared);
        Assert.Matches("\"streak\":1", await TextAsync(owner, $"/api/v1/people/{owner.Id}/goals-history"));

        // Shared, the history opens to those who read the goals — and still not to an outsider who reads none of them.
        Assert.True((await Actor.ReadAsync<GoalHistorySharingView>(
            await owner.Http.PutAsync("/api/v1/me/goals-history-sharing", JsonContent("{\"shared\":true}")), HttpStatusCode.OK)).Shared);
        var seen = await colleague.GetAsync<GoalHistory>($"/api/v1/people/{owner.Id}/goals-history");
        Assert.Equal((1, 3, 1), (seen.Days[^1].Done, seen.Days[^1].Total, seen.Streak));
        var outsider = await App.NewWorkerAsync("Hors équipe", "Europe/Paris", "FR");
        var outside = await outsider.GetAsync<GoalHistory>($"/api/v1/people/{owner.Id}/goals-history");
        Assert.All(outside.Days, d => Assert.Equal(0, d.Total));
        await owner.Http.PutAsync("/api/v1/me/goals-history-sharing", JsonContent("{\"shared\":false}"));
        await colleague.Http.GetAsync($"/api/v1/people/{owner.Id}/goals-history").ShouldBeProblemAsync(HttpStatusCode.Forbidden, "goals.history-private");
    }

    private static void AssertNoScore(string text, string where)
    {
        // The tally as the pages write it ("1 sur 3 termin", "1 of 3 done") or as a ratio.
        foreach (var tally in new[] { "1/3", "1 sur 3", "1 of 3" })
        {
            Assert.False(text.Contains(tally, StringComparison.Ordinal), $"{where} shows a tally:\n{Excerpt(text, tally)}");
        }

        Assert.False(ScoreWords().IsMatch(text), $"{where} names a score:\n{Excerpt(text, ScoreWords().Match(text).Value)}");
    }

    private static string Excerpt(string text, string found)
    {
        var at = Math.Max(0, text.IndexOf(found, StringComparison.Ordinal) - 200);
        return text.Substring(at, Math.Min(400, text.Length - at));
    }

    private static async Task<string> TextAsync(Actor reader, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await reader.Http.GetAsync(url);
        await Actor.ExpectAsync(response, expected);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<string> ExportTextAsync(Actor reader)
    {
        var response = await reader.Http.GetAsync("/api/v1/me/export");
        await Actor.ExpectAsync(response, HttpStatusCode.OK);
        await using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync(), ZipArchiveMode.Read);
        var all = new StringBuilder();
        foreach (var entry in zip.Entries)
        {
            using var reader2 = new StreamReader(entry.Open());
            all.Append(await reader2.ReadToEndAsync());
        }

        return all.ToString();
    }

    private static StringContent JsonContent(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>A field or text that would carry a tally or a streak: "doneCount", "streak", "2/3 faits", "Série en cours"….</summary>
    [GeneratedRegex(@"doneCount|activeCount|""streak""|""done""\s*:|""total""\s*:|\d+\s*/\s*\d+\s*(faits|done)|Série en cours|streak:|""weeks""", RegexOptions.IgnoreCase)]
    private static partial Regex ScoreWords();
}

public sealed class GoalPrivacyTestsOnSqlite(GoalsSqliteApp app) : GoalPrivacyTests(app), IClassFixture<GoalsSqliteApp>;

public sealed class GoalPrivacyTestsOnPostgres(GoalsPostgresApp app) : GoalPrivacyTests(app), IClassFixture<GoalsPostgresApp>;
