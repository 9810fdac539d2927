using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Goals;
using Ruche.Core.Spaces;
using Ruche.Core.WorkTime;
using Ruche.Tests.Infrastructure;

namespace Ruche.Tests.Goals;

/// <summary>The goals routine through its HTML pages and forms, as a person in a browser uses it.</summary>
public abstract partial class GoalPagesTests(RucheApp app) : ProviderTests(app)
{
    [Fact]
    public async Task Post_three_goals_a_colleague_suggests_the_owner_accepts_and_the_board_shows_it()
    {
        App.SetUtc(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
        var owner = await App.NewWorkerAsync("Camille", "Europe/Paris", "FR");
        var team = await owner.CreateSpaceAsync("Équipe pages", SpaceVisibility.Private, SpaceKind.Team);
        var colleague = await App.NewWorkerAsync("Hugo", "America/Montreal", "CA", "QC");
        await owner.AddToSpaceAsync(team, colleague);
        var ownerBrowser = await App.SignInWithBrowserCookiesAsync(owner);
        var colleagueBrowser = await App.SignInWithBrowserCookiesAsync(colleague);

        var posted = await ownerBrowser.SubmitFormAsync("/goals", "/ui/goals", new()
        {
            ["goal1"] = "Finaliser la maquette",
            ["goal2"] = "Relire la PR de Hugo",
            ["link2"] = "https://example.com/pr/12",
            ["goal3"] = "Préparer la rétro",
            ["returnUrl"] = "/goals",
        });
        await Actor.ExpectAsync(posted, HttpStatusCode.Redirect);
        var today = await owner.GoalsTodayAsync();
        var list = today.List!;
        Assert.Equal(3, list.Goals.Count);
        Assert.Equal("https://example.com/pr/12", list.Goals[1].LinkUrl);
        Assert.Contains("Finaliser la maquette", await ownerBrowser.PageAsync("/goals"), StringComparison.Ordinal);

        var postPage = $"/posts/{list.PostId}";
        var suggested = await colleagueBrowser.SubmitFormAsync(postPage, $"/ui/goals/items/{list.Goals[2].Id}/suggestions", new()
        {
            ["text"] = "Aider le support sur l'incident",
            ["note"] = "La rétro peut attendre demain",
            ["returnUrl"] = postPage,
        });
        await Actor.ExpectAsync(suggested, HttpStatusCode.Redirect);
        var suggestionId = (await owner.GoalsTodayAsync()).List!.Goals[2].Suggestions.Single().Id;
        Assert.Contains($"data-accept=\"{suggestionId}\"", await ownerBrowser.PageAsync(postPage), StringComparison.Ordinal);

        var accepted = await ownerBrowser.SubmitFormAsync(postPage, $"/ui/goals/suggestions/{suggestionId}/answer", new() { ["answer"] = "Replace", ["returnUrl"] = postPage });
        await Actor.ExpectAsync(accepted, HttpStatusCode.Redirect);
        Assert.DoesNotContain("error=", accepted.Headers.Location?.OriginalString, StringComparison.Ordinal);

        var done = await ownerBrowser.SubmitFormAsync(postPage, $"/ui/goals/items/{list.Goals[0].Id}/status", new() { ["status"] = "Done", ["note"] = "envoyée", ["returnUrl"] = postPage });
        Assert.DoesNotContain("error=", done.Headers.Location?.OriginalString, StringComparison.Ordinal);

        var board = await colleagueBrowser.PageAsync($"/spaces/{team.Id}/goals");
        Assert.Contains("Aider le support sur l&#x27;incident", board, StringComparison.Ordinal);
        Assert.Contains("class=\"working-from\"", board, StringComparison.Ordinal);

        // No score: the board and the post show each goal's status, never a member's tally; only the owner sees theirs.
        Assert.DoesNotContain("1 sur 3", board, StringComparison.Ordinal);
        Assert.DoesNotContain("1/3", board, StringComparison.Ordinal);
        Assert.DoesNotContain($"/people/{owner.Id}/goals", board, StringComparison.Ordinal);
        Assert.DoesNotContain("1 sur 3", await colleagueBrowser.PageAsync(postPage), StringComparison.Ordinal);
        Assert.Contains("1 sur 3 termin", await ownerBrowser.PageAsync(postPage), StringComparison.Ordinal);

        // A form refused comes back with its reason: the colleague cannot check off the owner's goal.
        var refused = await colleagueBrowser.SubmitFormAsync(postPage, $"/ui/goals/items/{list.Goals[1].Id}/status", new() { ["status"] = "Done", ["returnUrl"] = postPage });
        Assert.EndsWith("error=goal.not-owner", refused.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(GoalStatus.Open, (await owner.GoalsTodayAsync()).List!.Goals[1].Status);

        // The history is the owner's until they share it from their goals settings.
        var refusedHistory = await colleagueBrowser.PageAsync($"/people/{owner.Id}/goals", HttpStatusCode.Forbidden);
        Assert.DoesNotContain("heatmap", refusedHistory, StringComparison.Ordinal);
        Assert.Contains("heatmap", await ownerBrowser.PageAsync($"/people/{owner.Id}/goals"), StringComparison.Ordinal);
        var shared = await ownerBrowser.SubmitFormAsync("/goals/settings", "/ui/goals/history-sharing", new() { ["shared"] = "true" });
        Assert.Equal("/goals/settings?saved=history-sharing", shared.Headers.Location?.OriginalString);
        Assert.Contains("heatmap", await colleagueBrowser.PageAsync($"/people/{owner.Id}/goals"), StringComparison.Ordinal);
        Assert.Contains($"/people/{owner.Id}/goals", await colleagueBrowser.PageAsync($"/spaces/{team.Id}/goals"), StringComparison.Ordinal);
        var unshared = await ownerBrowser.SubmitFormAsync("/goals/settings", "/ui/goals/history-sharing", new());
        Assert.Equal("/goals/settings?saved=history-sharing", unshared.Headers.Location?.OriginalString);
        await colleagueBrowser.PageAsync($"/people/{owner.Id}/goals", HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_schedule_and_leave_forms_save_what_the_calendar_then_uses()
    {
        App.SetUtc(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
        var person = await App.NewWorkerAsync("Sacha", "Asia/Singapore", "SG");
        var browser = await App.SignInWithBrowserCookiesAsync(person);
        var token = await Browser.AntiforgeryTokenAsync(browser, "/goals/settings");
        var saved = await browser.PostAsync("/ui/goals/schedule", new FormUrlEncodedContent(
        [
            new("days", "Monday"), new("days", "Tuesday"), new("days", "Sunday"), new("start", "08:30"), new("end", "17:00"),
            new(Browser.AntiforgeryField, token),
        ]));
        Assert.Equal("/goals/settings?saved=schedule", saved.Headers.Location?.OriginalString);
        var leave = await browser.SubmitFormAsync("/goals/settings", "/ui/goals/leave", new() { ["from"] = "2026-03-10", ["to"] = "2026-03-09" });
        Assert.Equal(HttpStatusCode.BadRequest, leave.StatusCode);
        var refilled = await leave.Content.ReadAsStringAsync();
        Assert.Contains("name=\"from\" value=\"2026-03-10\"", refilled, StringComparison.Ordinal);
        Assert.Contains("name=\"to\" value=\"2026-03-09\"", refilled, StringComparison.Ordinal);

        var badSchedule = await browser.SubmitFormAsync("/goals/settings", "/ui/goals/schedule", new() { ["days"] = "Friday", ["start"] = "18:00", ["end"] = "09:15" });
        Assert.Equal(HttpStatusCode.BadRequest, badSchedule.StatusCode);
        var schedulePage = await badSchedule.Content.ReadAsStringAsync();
        Assert.Contains("value=\"18:00\"", schedulePage, StringComparison.Ordinal);
        Assert.Contains("value=\"09:15\"", schedulePage, StringComparison.Ordinal);
        Assert.Contains("value=\"Friday\" checked", schedulePage, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"Monday\" checked", schedulePage, StringComparison.Ordinal);

        var schedule = await person.GetAsync<WorkScheduleView>("/api/v1/me/work-schedule");
        Assert.Equal((WorkingDays.Monday | WorkingDays.Tuesday | WorkingDays.Sunday, 510, 1020), (schedule.Days, schedule.StartMinute, schedule.EndMinute));
        Assert.Empty(schedule.Leave);
        Assert.Contains("Sunday", await browser.PageAsync("/goals/settings"), StringComparison.Ordinal);
    }
}

public sealed class GoalPagesTestsOnSqlite(GoalsSqliteApp app) : GoalPagesTests(app), IClassFixture<GoalsSqliteApp>;

public sealed class GoalPagesTestsOnPostgres(GoalsPostgresApp app) : GoalPagesTests(app), IClassFixture<GoalsPostgresApp>;
