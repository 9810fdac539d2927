using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.Polls;
using Ruche.Tests.Infrastructure;
using Ruche.Tests.Notifications;

namespace Ruche.Tests.Polls;

/// <summary>
/// Polls in posts, through the API and the pages: named polls show who chose what and let a vote change while open;
/// anonymous polls take one ballot each and count them by batches; results stay on the server until the reader may
/// see them; bad input is refused with nothing changed; a poll is read exactly by its post's readers.
/// </summary>
public abstract class PollTests(RucheApp app) : ProviderTests(app)
{
    private static readonly string[] Days = ["Lundi", "Mardi", "Jeudi"];

    private static DateTime Now => TimeProvider.System.GetUtcNow().UtcDateTime;

    [Fact]
    public async Task A_reader_who_cannot_read_the_post_can_neither_read_nor_vote_nor_close_nor_check_a_receipt()
    {
        var owner = await NewPersonAsync("Owner");
        var outsider = await NewPersonAsync("Outsider");
        var space = await owner.CreateSpaceAsync("Comité privé", SpaceVisibility.Private);
        var poll = await owner.PostPollAsync(Days, space, anonymous: true);

        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Http.GetAsync($"/api/v1/polls/{poll.Id}")).StatusCode);
        await outsider.TryVoteAsync(poll.Id, poll.Options[0].Id).ShouldBeProblemAsync(HttpStatusCode.NotFound, "poll.not-found");
        await outsider.TryCloseAsync(poll.Id).ShouldBeProblemAsync(HttpStatusCode.NotFound, "poll.not-found");
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Http.GetAsync($"/api/v1/polls/{poll.Id}/receipts/ABCDEFGHJK")).StatusCode);
        var browser = await App.SignInWithBrowserCookiesAsync(outsider);
        await browser.PageAsync($"/posts/{poll.PostId}", HttpStatusCode.NotFound);
        await browser.PageAsync($"/polls/{poll.Id}/receipt", HttpStatusCode.NotFound);
        Assert.Equal(0, (await owner.PollAsync(poll.Id)).Participants);
    }

    [Fact]
    public async Task A_named_poll_shows_who_chose_what_and_a_voter_changes_their_vote_until_it_closes()
    {
        var author = await NewPersonAsync("Author");
        var ana = await NewPersonAsync("Ana");
        var bruno = await NewPersonAsync("Bruno");
        var poll = await author.PostPollAsync(Days);

        await ana.VoteAsync(poll, "Mardi");
        await bruno.VoteAsync(poll, "Mardi");
        var changed = (await bruno.VoteAsync(poll, "Jeudi")).Poll;

        Assert.Null((await bruno.VoteAsync(poll, "Jeudi")).Receipt);
        Assert.Equal(2, changed.Participants);
        Assert.Equal([0, 1, 1], changed.Options.Select(o => o.Count));
        Assert.Equal([0.0, 50.0, 50.0], changed.Options.Select(o => o.Percent));
        Assert.Equal([ana.Id], changed.Options[1].Voters!.Select(v => v.Id));
        Assert.Equal([bruno.Id], changed.Options[2].Voters!.Select(v => v.Id));
        Assert.Equal([changed.Options[2].Id], changed.MyChoices);

        var page = WebUtility.HtmlDecode(await (await App.SignInWithBrowserCookiesAsync(author)).PageAsync($"/posts/{poll.PostId}"));
        Assert.Contains("data-chart=\"hbar\"", page, StringComparison.Ordinal);
        Assert.Contains(ana.Name, page, StringComparison.Ordinal);
        Assert.Contains("changer votre vote jusqu'à la clôture", page, StringComparison.Ordinal);

        await author.CloseAsync(poll.Id);
        await ana.TryVoteAsync(poll.Id, poll.Options[0].Id).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "poll.closed");
        Assert.Equal([0, 1, 1], (await ana.PollAsync(poll.Id)).Options.Select(o => o.Count));
    }

    [Fact]
    public async Task Bad_polls_are_refused_with_a_clear_problem_and_no_post_is_written()
    {
        var author = await NewPersonAsync("Author");
        var now = Now;
        var refusals = new (object Poll, string Code)[]
        {
            (new { options = new[] { "Seule" } }, "poll.option-count"),
            (new { options = Enumerable.Range(1, 21).Select(i => $"Option {i}").ToArray() }, "poll.option-count"),
            (new { options = new[] { "Oui", " oui " } }, "poll.duplicate-option"),
            (new { options = new[] { "Oui", "" } }, "poll.option-length"),
            (new { options = new[] { "Oui", new string('x', 201) } }, "poll.option-length"),
            (new { options = Days, closesAt = now.AddMinutes(1) }, "poll.deadline-range"),
            (new { options = Days, closesAt = now.AddMonths(3).AddDays(1) }, "poll.deadline-range"),
        };
        foreach (var (poll, code) in refusals)
        {
            await author.TryPostPollAsync(poll).ShouldBeProblemAsync(HttpStatusCode.BadRequest, code);
        }

        Assert.Empty((await author.ProfileFeedAsync(author)).Items);
        var twenty = await author.PostPollAsync(Enumerable.Range(1, 20).Select(i => $"Option {i}").ToArray(), closesAt: now.AddMonths(3).AddMinutes(-1));
        Assert.Equal(20, twenty.Options.Count);
    }

    [Fact]
    public async Task Bad_votes_are_refused_and_change_nothing()
    {
        var author = await NewPersonAsync("Author");
        var voter = await NewPersonAsync("Voter");
        var single = await author.PostPollAsync(Days);
        var anonymous = await author.PostPollAsync(Days, anonymous: true, multiple: true);

        await voter.TryVoteAsync(single.Id, anonymous.Options[0].Id).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "poll.unknown-option");
        await voter.TryVoteAsync(single.Id, single.Options[0].Id, single.Options[1].Id).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "poll.single-choice");
        await voter.TryVoteAsync(single.Id).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "poll.no-choice");
        Assert.Equal(0, (await voter.PollAsync(single.Id)).Participants);

        var receipt = (await voter.VoteAsync(anonymous, "Lundi", "Jeudi")).Receipt;
        Assert.Matches("^[A-Z2-9]{10}$", receipt);
        await voter.TryVoteAsync(anonymous.Id, anonymous.Options[1].Id).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "ballot.already-cast");
        var after = await voter.PollAsync(anonymous.Id);
        Assert.Equal((1, 0, 1), (after.Participants, after.CountedBallots, after.WaitingBallots));
        Assert.False(after.CanVote);
        Assert.Empty(after.MyChoices);
    }

    [Fact]
    public async Task After_voting_results_reach_only_those_who_voted_and_after_closing_nobody_before_the_close()
    {
        var author = await NewPersonAsync("Author");
        var voter = await NewPersonAsync("Voter");
        var lurker = await NewPersonAsync("Lurker");
        var afterVoting = await author.PostPollAsync(Days, results: "afterVoting");
        var afterClosing = await author.PostPollAsync(["Pizza", "Sushi"], results: "afterClosing");
        await voter.VoteAsync(afterVoting, "Mardi");
        await voter.VoteAsync(afterClosing, "Sushi");

        await AssertHiddenAsync(lurker, afterVoting, "Mardi");
        Assert.Equal(1, (await voter.PollAsync(afterVoting.Id)).Options[1].Count);
        Assert.Equal([voter.Id], (await voter.PollAsync(afterVoting.Id)).Options[1].Voters!.Select(v => v.Id));
        await AssertHiddenAsync(voter, afterClosing, "Sushi");
        await AssertHiddenAsync(author, afterClosing, "Sushi");

        await author.CloseAsync(afterClosing.Id);
        Assert.Equal([0, 1], (await lurker.PollAsync(afterClosing.Id)).Options.Select(o => o.Count));
        Assert.Equal(1, (await lurker.PollAsync(afterVoting.Id)).Participants);
    }

    [Fact]
    public async Task Only_the_author_or_the_space_moderators_close_a_poll_and_the_author_is_told_when_it_closes()
    {
        var author = await NewPersonAsync("Author");
        var owner = await NewPersonAsync("Owner");
        var member = await NewPersonAsync("Member");
        var space = await owner.CreateSpaceAsync("Atelier");
        await owner.AddToSpaceAsync(space, author);
        await owner.AddToSpaceAsync(space, member);
        var poll = await author.PostPollAsync(Days, space);

        await member.TryCloseAsync(poll.Id).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "poll.close-forbidden");
        Assert.False((await member.PollAsync(poll.Id)).CanClose);
        Assert.True((await owner.PollAsync(poll.Id)).CanClose);
        var closed = await owner.CloseAsync(poll.Id);

        Assert.True(closed.IsClosed);
        await author.TryCloseAsync(poll.Id).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "poll.closed");
        var told = Assert.Single(await author.NotificationsAsync(), n => n.Kind == "poll-closed");
        Assert.Equal(($"/posts/{poll.PostId}", poll.PostId), (told.Path, told.SubjectId));
    }

    [Fact]
    public async Task Receipts_wait_until_ten_ballots_wait_then_a_random_half_is_counted_and_the_deadline_counts_the_rest()
    {
        var author = await NewPersonAsync("Author");
        var voters = new List<Actor>();
        for (var i = 0; i < 11; i++)
        {
            voters.Add(await NewPersonAsync($"Voter{i}"));
        }

        var poll = await author.PostPollAsync(Days, anonymous: true, closesAt: Now.AddHours(1));
        var receipts = new List<string>();
        for (var i = 0; i < 9; i++)
        {
            receipts.Add((await voters[i].VoteAsync(poll, Days[i % 3])).Receipt!);
        }

        Assert.Equal("waiting", await voters[0].ReceiptStateAsync(poll.Id, receipts[0]));
        Assert.Equal([0, 0, 0], (await author.PollAsync(poll.Id)).Options.Select(o => o.Count));

        // The tenth ballot makes two batches wait: a random five are counted, five stay for the next count or the close.
        receipts.Add((await voters[9].VoteAsync(poll, Days[0])).Receipt!);
        var counted = await author.PollAsync(poll.Id);
        Assert.Equal((10, 5, 5), (counted.Participants, counted.CountedBallots, counted.WaitingBallots));
        Assert.Equal(5, counted.Options.Sum(o => o.Count));
        var states = new List<string>();
        foreach (var (voter, receipt) in voters.Zip(receipts))
        {
            states.Add(await voter.ReceiptStateAsync(poll.Id, receipt.ToLowerInvariant()));
        }

        Assert.Equal(5, states.Count(s => s == "counted"));
        Assert.Equal(5, states.Count(s => s == "waiting"));
        Assert.Equal("unknown", await voters[0].ReceiptStateAsync(poll.Id, "ABCDEFGHJK"));

        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RucheDbContext>();
            await db.Set<Poll>().Where(p => p.Id == poll.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.ClosesAt, Now.AddMinutes(-1)));
        }

        var closed = await voters[10].PollAsync(poll.Id);
        Assert.True(closed.IsClosed);
        Assert.False(closed.CanVote);
        Assert.Equal((10, 10, 0), (closed.Participants, closed.CountedBallots, closed.WaitingBallots));
        Assert.Equal([4, 3, 3], closed.Options.Select(o => o.Count));
        Assert.Equal([40.0, 30.0, 30.0], closed.Options.Select(o => o.Percent));
        foreach (var (voter, receipt) in voters.Zip(receipts))
        {
            Assert.Equal("counted", await voter.ReceiptStateAsync(poll.Id, receipt));
        }

        await voters[10].TryVoteAsync(poll.Id, poll.Options[0].Id).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "poll.closed");
        Assert.Single(await author.NotificationsAsync(), n => n.Kind == "poll-closed" && n.SubjectId == poll.PostId && n.Actors.Count == 0);
    }

    [Fact]
    public async Task The_forms_create_a_poll_refill_a_refused_one_vote_show_a_receipt_once_and_close()
    {
        var author = await NewPersonAsync("Author");
        var voter = await NewPersonAsync("Voter");
        var browser = await App.SignInWithBrowserCookiesAsync(author);

        var refused = await browser.SubmitFormAsync("/polls/new", "/ui/polls", new()
        {
            ["body"] = "Où fêter la fin du projet ?", ["options"] = "Seule réponse", ["anonymous"] = "true", ["results"] = "AfterVoting", ["duration"] = "1440",
        });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var refill = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Où fêter la fin du projet ?", refill, StringComparison.Ordinal);
        Assert.Contains("Seule réponse", refill, StringComparison.Ordinal);
        Assert.Contains("Un sondage propose de 2 à 20 réponses.", refill, StringComparison.Ordinal);

        var created = await browser.SubmitFormAsync("/polls/new", "/ui/polls", new()
        {
            ["body"] = "Où fêter la fin du projet ?", ["options"] = "Restaurant\r\nPique-nique\r\n", ["anonymous"] = "true", ["results"] = "AfterVoting", ["duration"] = "1440",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var postPath = created.Headers.Location!.OriginalString;
        var poll = Assert.Single((await author.ProfileFeedAsync(author)).Items).Poll!;
        Assert.Equal($"/posts/{poll.PostId}", postPath);
        Assert.True(poll.Anonymous);
        Assert.Equal(PollResultsVisibility.AfterVoting, poll.Results);
        Assert.Equal(["Restaurant", "Pique-nique"], poll.Options.Select(o => o.Label));
        Assert.InRange(poll.ClosesAt!.Value, Now.AddHours(23), Now.AddHours(25));

        var voterBrowser = await App.SignInWithBrowserCookiesAsync(voter);
        var postPage = await voterBrowser.PageAsync(postPath);
        Assert.Contains("comptés par lots tirés au hasard", WebUtility.HtmlDecode(postPage), StringComparison.Ordinal);
        Assert.DoesNotContain("chart-data", postPage, StringComparison.Ordinal);
        var token = Browser.AntiforgeryTokenIn(postPage, postPath);
        var voted = await voterBrowser.PostAsync($"/ui/polls/{poll.Id}/vote", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["optionIds"] = poll.Options[1].Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["returnUrl"] = postPath, [Browser.AntiforgeryField] = token,
        }));
        Assert.Equal(HttpStatusCode.OK, voted.StatusCode);
        var receiptPage = await voted.Content.ReadAsStringAsync();
        var receipt = System.Text.RegularExpressions.Regex.Match(receiptPage, "data-receipt>([A-Z2-9]{10})<").Groups[1].Value;
        Assert.Equal(10, receipt.Length);
        Assert.DoesNotContain("Pique-nique", receiptPage, StringComparison.Ordinal);

        var again = await voterBrowser.PageAsync(postPath);
        Assert.DoesNotContain(receipt, again, StringComparison.Ordinal);
        Assert.Contains("chart-data", again, StringComparison.Ordinal);
        var check = await voterBrowser.SubmitFormAsync($"/polls/{poll.Id}/receipt", $"/ui/polls/{poll.Id}/receipt", new() { ["code"] = receipt });
        Assert.Contains("data-state=\"waiting\"", await check.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var close = await browser.SubmitFormAsync(postPath, $"/ui/polls/{poll.Id}/close", new() { ["returnUrl"] = postPath });
        Assert.Equal(HttpStatusCode.Redirect, close.StatusCode);
        var closed = await author.PollAsync(poll.Id);
        Assert.True(closed.IsClosed);
        Assert.Equal([0, 1], closed.Options.Select(o => o.Count));
        check = await voterBrowser.SubmitFormAsync($"/polls/{poll.Id}/receipt", $"/ui/polls/{poll.Id}/receipt", new() { ["code"] = receipt });
        Assert.Contains("data-state=\"counted\"", await check.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_named_voter_exports_their_choices_and_erasure_removes_them_while_an_anonymous_one_exports_only_taking_part()
    {
        var admin = await NewPersonAsync("Admin", "Europe/Paris", "administrator");
        var author = await NewPersonAsync("Author");
        var voter = await NewPersonAsync("Leaver");
        var named = await author.PostPollAsync(Days, multiple: true);
        var anonymous = await author.PostPollAsync(["Discret", "Secret"], anonymous: true);
        await voter.VoteAsync(named, "Lundi", "Jeudi");
        await voter.VoteAsync(anonymous, "Secret");

        var response = await voter.Http.GetAsync("/api/v1/me/export");
        await Actor.ExpectAsync(response, HttpStatusCode.OK);
        using (var zip = new System.IO.Compression.ZipArchive(await response.Content.ReadAsStreamAsync(), System.IO.Compression.ZipArchiveMode.Read))
        using (var reader = new StreamReader(zip.GetEntry("ruche-data.json")!.Open()))
        using (var data = System.Text.Json.JsonDocument.Parse(await reader.ReadToEndAsync()))
        {
            var vote = Assert.Single(data.RootElement.GetProperty("pollVotes").EnumerateArray());
            Assert.Equal(named.Id, vote.GetProperty("pollId").GetInt64());
            Assert.Equal(["Lundi", "Jeudi"], vote.GetProperty("choices").EnumerateArray().Select(c => c.GetString()));
            var tookPart = Assert.Single(data.RootElement.GetProperty("anonymousPollsTakenPart").EnumerateArray());
            Assert.Equal(anonymous.Id, tookPart.GetProperty("pollId").GetInt64());
            Assert.DoesNotContain("Secret", data.RootElement.GetRawText(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.NoContent, (await admin.Http.DeleteAsync($"/api/v1/admin/people/{voter.Id}?content=Pseudonymise")).StatusCode);
        var after = await author.PollAsync(named.Id);
        Assert.Equal(0, after.Participants);
        Assert.Equal([0, 0, 0], after.Options.Select(o => o.Count!.Value));
    }

    private async Task AssertHiddenAsync(Actor reader, PollView poll, string label)
    {
        var seen = await reader.PollAsync(poll.Id);
        Assert.False(seen.ResultsShown);
        Assert.All(seen.Options, o => Assert.True(o.Count is null && o.Percent is null && o.Voters is null));
        var json = await (await reader.Http.GetAsync($"/api/v1/polls/{poll.Id}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("\"count\":1", json, StringComparison.Ordinal);
        var page = WebUtility.HtmlDecode(await (await App.SignInWithBrowserCookiesAsync(reader)).PageAsync($"/posts/{poll.PostId}"));
        Assert.Contains(label, page, StringComparison.Ordinal);
        Assert.DoesNotContain("chart-data", page, StringComparison.Ordinal);
        Assert.DoesNotContain("poll-voters", page, StringComparison.Ordinal);
    }
}

public sealed class PollTestsOnSqlite(SqliteApp app) : PollTests(app), IClassFixture<SqliteApp>;

public sealed class PollTestsOnPostgres(PostgresApp app) : PollTests(app), IClassFixture<PostgresApp>;
