using System.IO.Compression;
using System.Net;
using System.Text.Json;
using Ruche.Core.Common;
using Ruche.Core.Ideas;
using Ruche.Tests.Infrastructure;
using Ruche.Tests.Notifications;

namespace Ruche.Tests.Ideas;

/// <summary>
/// The idea box through HTTP, forbidden paths first: who may triage, what a status change tells whom, bad input that
/// changes nothing, who finds an idea in search, list orders and pages, and the SQL commands a list costs.
/// </summary>
public abstract class IdeaTests(RucheApp app) : ProviderTests(app)
{
    [Fact]
    public async Task A_colleague_votes_once_withdraws_and_a_second_vote_is_refused()
    {
        var author = await NewPersonAsync("Author");
        var colleague = await NewPersonAsync("Colleague");
        var id = await author.SubmitIdeaAsync("Des vélos de service", tags: ["mobilité", "#Vélo"]);

        await colleague.VoteAsync(id);
        await colleague.TryVoteAsync(id).ShouldBeProblemAsync(HttpStatusCode.Conflict, "idea.already-voted");
        var voted = await colleague.IdeaAsync(id);
        Assert.Equal(1, voted.Votes);
        Assert.True(voted.Voted);
        Assert.False((await author.IdeaAsync(id)).Voted);
        Assert.Equal(["mobilite", "velo"], voted.Tags);
        Assert.Equal("new", voted.Status);
        Assert.True((await author.IdeaAsync(id)).Following);

        Assert.Equal(HttpStatusCode.NoContent, (await colleague.TryWithdrawVoteAsync(id)).StatusCode);
        await colleague.TryWithdrawVoteAsync(id).ShouldBeProblemAsync(HttpStatusCode.Conflict, "idea.not-voted");
        Assert.Equal(0, (await colleague.IdeaAsync(id)).Votes);
        await colleague.VoteAsync(id);
        Assert.Equal(1, Assert.Single((await colleague.IdeasAsync("?sort=recent&pageSize=100")).Items, i => i.Id == id).Votes);
    }

    [Fact]
    public async Task Triage_is_refused_to_an_employee_and_changes_nothing_and_HR_s_decision_tells_author_and_followers_why()
    {
        var author = await NewPersonAsync("Author");
        var follower = await NewPersonAsync("Follower");
        var employee = await NewPersonAsync("Employee");
        var hr = await NewPersonAsync("HR", "Europe/Paris", RoleNames.HumanResources);
        var owner = await NewPersonAsync("Owner");
        var id = await author.SubmitIdeaAsync("Une salle de sieste");
        await follower.FollowIdeaAsync(id);
        var before = await author.IdeaAsync(id);

        await employee.TryTriageAsync(id, "accepted", employee.Id, "Je décide").ShouldBeProblemAsync(HttpStatusCode.Forbidden, "idea.triage-forbidden");
        var page = await (await App.SignInWithBrowserCookiesAsync(employee)).PageAsync($"/ideas/{id}");
        Assert.DoesNotContain("/status\"", page, StringComparison.Ordinal);
        Assert.Equivalent(before, await author.IdeaAsync(id));
        Assert.DoesNotContain(await author.NotificationsAsync(), n => n.Kind == IdeaNotifications.StatusChanged.Name);

        var change = await hr.TriageAsync(id, "under-review", owner.Id, "Le CSE étudie les locaux disponibles");
        var after = await author.IdeaAsync(id);
        Assert.Equal("under-review", after.Status);
        Assert.Equal(owner.Id, after.Owner?.Id);
        var entry = Assert.Single(after.Timeline, e => e.Kind == "status");
        Assert.Equal(("new", "under-review", "Le CSE étudie les locaux disponibles", hr.Id), (entry.From, entry.To, entry.Reason, entry.Person?.Id));
        foreach (var told in new[] { author, follower, owner })
        {
            var notification = Assert.Single(await told.NotificationsAsync(), n => n.Kind == IdeaNotifications.StatusChanged.Name);
            Assert.Equal(change, notification.SubjectId);
            Assert.Contains("Le CSE étudie les locaux disponibles", notification.Subject.Title, StringComparison.Ordinal);
            Assert.Contains($"/ideas/{id}", notification.Path, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(await employee.NotificationsAsync(), n => n.Kind == IdeaNotifications.StatusChanged.Name);
        var hrPage = WebUtility.HtmlDecode(await (await App.SignInWithBrowserCookiesAsync(hr)).PageAsync($"/ideas/{id}"));
        Assert.Contains($"/ui/ideas/{id}/status", hrPage, StringComparison.Ordinal);
        Assert.Contains("Le CSE étudie les locaux disponibles", hrPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_space_moderator_triages_the_ideas_of_their_space_only()
    {
        var moderator = await NewPersonAsync("Moderator");
        var member = await NewPersonAsync("Member");
        var space = await moderator.CreateSpaceAsync("Atelier");
        await member.JoinAsync(space);
        var inSpace = await member.SubmitIdeaAsync("Ranger l'atelier le vendredi", space.Id);
        var companyWide = await member.SubmitIdeaAsync("Une navette depuis la gare");

        await moderator.TriageAsync(inSpace, "accepted", member.Id, "On commence vendredi");
        await moderator.TryTriageAsync(companyWide, "accepted", member.Id, "Pourquoi pas").ShouldBeProblemAsync(HttpStatusCode.Forbidden, "idea.triage-forbidden");
        Assert.Equal("accepted", (await member.IdeaAsync(inSpace)).Status);
        Assert.Equal("new", (await member.IdeaAsync(companyWide)).Status);
    }

    [Fact]
    public async Task Bad_input_is_refused_with_a_clear_problem_and_changes_nothing()
    {
        var author = await NewPersonAsync("Author");
        var hr = await NewPersonAsync("HR", "Europe/Paris", RoleNames.HumanResources);
        var id = await author.SubmitIdeaAsync("Idée valable");
        var before = await DatabaseDigest.TakeAsync(App);

        await author.TrySubmitIdeaAsync(new { title = "  ", description = "x" }).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "idea.title-required");
        await author.TrySubmitIdeaAsync(new { title = new string('x', IdeaInputs.TitleMaxLength + 1) }).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "idea.title-too-long");
        await author.TrySubmitIdeaAsync(new { title = "Tags", tags = new[] { "a1", "b2", "c3", "d4", "e5", "f6" } }).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "idea.too-many-tags");
        await author.TrySubmitIdeaAsync(new { title = "Espace", spaceId = 999_999_999 }).ShouldBeProblemAsync(HttpStatusCode.NotFound, "space.not-found");
        await hr.TryTriageAsync(id, "approved", hr.Id, "Motif").ShouldBeProblemAsync(HttpStatusCode.BadRequest, "idea.status-invalid");
        await hr.TryTriageAsync(id, null, hr.Id, "Motif").ShouldBeProblemAsync(HttpStatusCode.BadRequest, "idea.status-required");
        await hr.TryTriageAsync(id, "accepted", hr.Id, " ").ShouldBeProblemAsync(HttpStatusCode.BadRequest, "idea.reason-required");
        await hr.TryTriageAsync(id, "accepted", hr.Id, new string('x', IdeaInputs.ReasonMaxLength + 1)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "idea.reason-too-long");
        await hr.TryTriageAsync(id, "accepted", null, "Motif").ShouldBeProblemAsync(HttpStatusCode.BadRequest, "idea.owner-required");
        await hr.TryTriageAsync(id, "accepted", 999_999_999, "Motif").ShouldBeProblemAsync(HttpStatusCode.BadRequest, "idea.owner-invalid");
        await hr.TryTriageAsync(id + 1_000_000, "accepted", hr.Id, "Motif").ShouldBeProblemAsync(HttpStatusCode.NotFound, "idea.not-found");
        await author.Http.GetAsync("/api/v1/ideas?sort=best").ShouldBeProblemAsync(HttpStatusCode.BadRequest, "idea.sort-invalid");
        await author.Http.GetAsync("/api/v1/ideas?status=archived").ShouldBeProblemAsync(HttpStatusCode.BadRequest, "idea.status-invalid");

        Assert.Empty(DatabaseDigest.Changed(before, await DatabaseDigest.TakeAsync(App)));

        // A refused form comes back filled with what was typed, with its reason.
        var browser = await App.SignInWithBrowserCookiesAsync(author);
        var refill = await browser.SubmitFormAsync("/ideas/new", "/ui/ideas", new() { ["title"] = "", ["description"] = "Texte gardé zqx" });
        var html = WebUtility.HtmlDecode(await refill.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, refill.StatusCode);
        Assert.Contains("Texte gardé zqx", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_finds_an_idea_in_a_private_space_only_for_its_members()
    {
        var owner = await NewPersonAsync("Owner");
        var member = await NewPersonAsync("Member");
        var outsider = await NewPersonAsync("Outsider");
        var space = await owner.CreateSpaceAsync("Comité vqpzk", SpaceVisibility.Private);
        await owner.AddToSpaceAsync(space, member);
        var hidden = await member.SubmitIdeaAsync("Réorganiser le planning vqpzk", space.Id);
        var open = await outsider.SubmitIdeaAsync("Cafetière vqpzk pour tous");

        var found = await member.SearchAsync("vqpzk", "&type=idea");
        Assert.Equal([hidden, open], found.Items.Select(i => i.Id).Order());
        Assert.Contains(found.Items, i => i.Path == $"/ideas/{hidden}");
        Assert.Equal([open], (await outsider.SearchAsync("vqpzk", "&type=idea")).Items.Select(i => i.Id));
        await outsider.Http.GetAsync($"/api/v1/ideas/{hidden}").ShouldBeProblemAsync(HttpStatusCode.NotFound, "idea.not-found");
        await outsider.TryVoteAsync(hidden).ShouldBeProblemAsync(HttpStatusCode.NotFound, "idea.not-found");
        Assert.DoesNotContain((await outsider.IdeasAsync("?sort=recent&pageSize=100")).Items, i => i.Id == hidden);
        await (await App.SignInWithBrowserCookiesAsync(outsider)).PageAsync($"/ideas/{hidden}", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Lists_sort_by_votes_trend_and_recency_page_per_status_and_cost_the_same_commands_for_3_or_12_ideas()
    {
        var hr = await NewPersonAsync("HR", "Europe/Paris", RoleNames.HumanResources);
        var voters = new List<Actor>();
        for (var i = 0; i < 3; i++)
        {
            voters.Add(await NewPersonAsync($"Voter {i}"));
        }

        var space = await hr.CreateSpaceAsync("Idées zt");
        foreach (var voter in voters)
        {
            await voter.JoinAsync(space);
        }
        var tag = "zt" + Guid.NewGuid().ToString("N")[..6];
        var ids = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await voters[i].SubmitIdeaAsync($"Idée {i}", i == 1 ? space.Id : null, tags: [tag]));
        }

        // Idea 1 has three votes, idea 0 one, idea 2 none.
        foreach (var voter in voters)
        {
            await voter.VoteAsync(ids[1]);
        }

        await voters[1].VoteAsync(ids[0]);
        await hr.TriageAsync(ids[2], "accepted", hr.Id, "Retenue");

        var q = $"?tag={tag}";
        Assert.Equal([ids[1], ids[0], ids[2]], (await hr.IdeasAsync(q + "&sort=votes")).Items.Select(i => i.Id));
        Assert.Equal([ids[1], ids[0], ids[2]], (await hr.IdeasAsync(q + "&sort=trend")).Items.Select(i => i.Id));
        Assert.Equal([ids[2], ids[1], ids[0]], (await hr.IdeasAsync(q + "&sort=recent")).Items.Select(i => i.Id));
        Assert.Equal([ids[2]], (await hr.IdeasAsync(q + "&status=accepted")).Items.Select(i => i.Id));
        var first = await hr.IdeasAsync(q + "&sort=votes&pageSize=2");
        Assert.Equal([ids[1], ids[0]], first.Items.Select(i => i.Id));
        var second = await hr.IdeasAsync(q + "&sort=votes&pageSize=2&cursor=" + Uri.EscapeDataString(first.NextCursor!));
        Assert.Equal([ids[2]], second.Items.Select(i => i.Id));
        Assert.Null(second.NextCursor);

        var browser = await App.SignInWithBrowserCookiesAsync(hr);
        Assert.Contains("Idée 2", WebUtility.HtmlDecode(await browser.PageAsync($"/ideas/status/accepted?tag={tag}")), StringComparison.Ordinal);
        Assert.DoesNotContain("Idée 1", WebUtility.HtmlDecode(await browser.PageAsync($"/ideas/status/accepted?tag={tag}")), StringComparison.Ordinal);

        async Task<(int Api, int Page)> MeasureAsync()
        {
            App.Commands.Reset();
            await hr.IdeasAsync(q + "&sort=trend");
            var api = App.Commands.Count;
            App.Commands.Reset();
            await browser.PageAsync($"/ideas?sort=votes&tag={tag}");
            return (api, App.Commands.Count);
        }

        var few = await MeasureAsync();
        for (var i = 0; i < 9; i++)
        {
            var more = await voters[i % 3].SubmitIdeaAsync($"Autre {i}", i % 2 == 0 ? space.Id : null, tags: [tag, "autre"]);
            await voters[(i + 1) % 3].VoteAsync(more);
            await voters[(i + 1) % 3].CommentIdeaAsync(more, "D'accord");
        }

        var many = await MeasureAsync();
        Assert.Equal(few, many);
        Assert.InRange(many.Api, 1, 3);
        TestContext.Current.TestOutputHelper?.WriteLine($"{App.ProviderName}: idea list {many.Api} SQL commands (API, authentication included), {many.Page} (page, layout included), for 3 or 12 ideas.");
    }

    [Fact]
    public async Task The_export_holds_a_persons_ideas_votes_and_comments()
    {
        var person = await NewPersonAsync("Exporter");
        var other = await NewPersonAsync("Other");
        var mine = await person.SubmitIdeaAsync("Mon idée exportée");
        var theirs = await other.SubmitIdeaAsync("Idée d'une collègue");
        await person.VoteAsync(theirs);
        await person.CommentIdeaAsync(theirs, "Bonne idée");

        var response = await person.Http.GetAsync("/api/v1/me/export");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync(), ZipArchiveMode.Read);
        using var reader = new StreamReader(zip.GetEntry("ruche-data.json")!.Open());
        using var data = JsonDocument.Parse(await reader.ReadToEndAsync());
        var ideas = data.RootElement.GetProperty("ideas");
        Assert.Equal(mine, Assert.Single(ideas.GetProperty("submitted").EnumerateArray()).GetProperty("id").GetInt64());
        Assert.Equal(theirs, Assert.Single(ideas.GetProperty("votes").EnumerateArray()).GetProperty("ideaId").GetInt64());
        Assert.Equal("Bonne idée", Assert.Single(ideas.GetProperty("comments").EnumerateArray()).GetProperty("body").GetString());
    }
}

public sealed class IdeaTestsOnSqlite(SqliteApp app) : IdeaTests(app), IClassFixture<SqliteApp>;

public sealed class IdeaTestsOnPostgres(PostgresApp app) : IdeaTests(app), IClassFixture<PostgresApp>;
