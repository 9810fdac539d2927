using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ruche.Core.Surveys;
using Ruche.Tests.Infrastructure;

namespace Ruche.Tests.Surveys;

/// <summary>
/// Pulse surveys through HTTP, on both providers: who answers, once, within range; thresholds frozen once open; HR
/// reads only what the suppression rule lets through, and nothing of a round before it closes.
/// </summary>
public abstract class SurveyTests(RucheApp app) : ProviderTests(app)
{
    [Fact]
    public async Task Thresholds_can_change_in_a_draft_and_are_refused_once_the_survey_opens_with_nothing_changed()
    {
        var hr = await NewPersonAsync("HR", "Europe/Paris", "hr");
        var survey = await hr.CreateSurveyAsync();

        await Actor.ExpectAsync(await hr.Http.PutAsJsonAsync($"/api/v1/surveys/{survey}/thresholds", new { scoreThreshold = 7, commentThreshold = 12 }), HttpStatusCode.NoContent);
        await hr.Http.PutAsJsonAsync($"/api/v1/surveys/{survey}/thresholds", new { scoreThreshold = 2 }).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "survey.threshold-invalid");
        await hr.OpenSurveyAsync(survey);

        await hr.Http.PutAsJsonAsync($"/api/v1/surveys/{survey}/thresholds", new { scoreThreshold = 5, commentThreshold = 5 }).ShouldBeProblemAsync(HttpStatusCode.Conflict, "survey.frozen");
        await hr.Http.PutAsJsonAsync($"/api/v1/surveys/{survey}/thresholds", new { scoreThreshold = 50 }).ShouldBeProblemAsync(HttpStatusCode.Conflict, "survey.frozen");
        var view = await hr.SurveyAsync(survey);
        Assert.Equal((7, 12), (view.ScoreThreshold, view.CommentThreshold));
        await hr.Http.PostAsync($"/api/v1/surveys/{survey}/open", null).ShouldBeProblemAsync(HttpStatusCode.Conflict, "survey.already-open");
    }

    [Fact]
    public async Task Only_HR_builds_and_an_employee_gets_403_on_results_through_the_API_and_the_page()
    {
        var hr = await NewPersonAsync("HR", "Europe/Paris", "hr");
        var employee = await NewPersonAsync("Employee");
        var survey = await hr.CreateSurveyAsync();
        await hr.OpenSurveyAsync(survey);

        await employee.TryCreateSurveyAsync(new { title = "Mine", questions = SurveySteps.Questions(), targetsEveryone = true }).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "survey.hr-only");
        await employee.Http.GetAsync($"/api/v1/surveys/{survey}/results").ShouldBeProblemAsync(HttpStatusCode.Forbidden, "survey.results-forbidden");
        await (await App.SignInWithBrowserCookiesAsync(employee)).PageAsync($"/surveys/{survey}/results", HttpStatusCode.Forbidden);
        await employee.Http.PostAsync($"/api/v1/surveys/{survey}/rounds/1/close", null).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "survey.hr-only");
        var admin = await NewPersonAsync("Admin", "Europe/Paris", "administrator");
        Assert.NotNull(await admin.ResultsAsync(survey));
    }

    [Fact]
    public async Task A_second_answer_is_refused_and_the_first_counts_once()
    {
        var hr = await NewPersonAsync("HR", "Europe/Paris", "hr");
        var person = await NewPersonAsync("Respondent");
        var survey = await hr.CreateSurveyAsync(cut: "none");
        await hr.OpenSurveyAsync(survey);
        var view = await person.SurveyAsync(survey);

        var receipt = await person.AnswerAsync(view, 4);
        await person.TryAnswerAsync(survey, SurveySteps.Answers(view, 1)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "survey.already-answered");

        Assert.Matches("^[A-Z2-9]{10}$", receipt);
        Assert.True((await person.SurveyAsync(survey)).HasAnswered);
        Assert.Equal(1, (await hr.ResultsAsync(survey)).Rounds[0].Participants);
    }

    [Theory]
    [InlineData("likert", 6)]
    [InlineData("likert", 0)]
    [InlineData("enps", 11)]
    [InlineData("enps", -1)]
    [InlineData("option", 3)]
    public async Task An_answer_out_of_range_is_refused_with_nothing_changed(string which, int value)
    {
        var hr = await NewPersonAsync("HR", "Europe/Paris", "hr");
        var person = await NewPersonAsync("Respondent");
        var survey = await hr.CreateSurveyAsync(cut: "none");
        await hr.OpenSurveyAsync(survey);
        var view = await person.SurveyAsync(survey);

        var answers = which switch
        {
            "likert" => SurveySteps.Answers(view, 3, likert: value),
            "enps" => SurveySteps.Answers(view, 3, enps: value),
            _ => SurveySteps.Answers(view, 3, option: value),
        };
        await person.TryAnswerAsync(survey, answers).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "survey.answer-out-of-range");
        await person.TryAnswerAsync(survey, new[] { new { questionId = 999_999, values = new[] { 1 } } }).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "survey.unknown-question");
        await person.TryAnswerAsync(survey, Array.Empty<object>()).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "survey.answer-missing");

        Assert.False((await person.SurveyAsync(survey)).HasAnswered);
        Assert.Equal(0, (await hr.ResultsAsync(survey)).Rounds[0].Participants);
        await person.AnswerAsync(view, 3);
    }

    [Fact]
    public async Task A_person_the_survey_does_not_ask_can_neither_read_nor_answer_it()
    {
        var hr = await NewPersonAsync("HR", "Europe/Paris", "hr");
        var asked = await App.DepartmentAsync("Asked");
        var other = await App.DepartmentAsync("Other");
        var insider = (await App.StaffAsync(asked, 1))[0];
        var outsider = (await App.StaffAsync(other, 1))[0];
        var survey = await hr.CreateSurveyAsync(everyone: false, departments: [asked]);
        await hr.OpenSurveyAsync(survey);
        var view = await insider.SurveyAsync(survey);

        await outsider.Http.GetAsync($"/api/v1/surveys/{survey}").ShouldBeProblemAsync(HttpStatusCode.NotFound, "survey.not-found");
        await outsider.TryAnswerAsync(survey, SurveySteps.Answers(view, 3)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "survey.not-found");
        await (await App.SignInWithBrowserCookiesAsync(outsider)).PageAsync($"/surveys/{survey}", HttpStatusCode.NotFound);
        var browser = await App.SignInWithBrowserCookiesAsync(insider);
        Assert.Contains("survey-answer", await browser.PageAsync($"/surveys/{survey}"), StringComparison.Ordinal);
        Assert.DoesNotContain(await outsider.GetAsync<List<SurveySummary>>("/api/v1/surveys"), s => s.Id == survey);
        Assert.Contains(await insider.GetAsync<List<SurveySummary>>("/api/v1/surveys"), s => s.Id == survey && s.OpenRound != null);
        var fields = view.Questions.ToDictionary(
            q => q.Kind == SurveyQuestionKind.Text ? $"t{q.Id}" : $"q{q.Id}",
            q => q.Kind switch { SurveyQuestionKind.Likert => "9", SurveyQuestionKind.Text => "Par le formulaire", _ => "1" });
        var refused = await browser.SubmitFormAsync($"/surveys/{survey}", $"/ui/surveys/{survey}/answers", fields);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Par le formulaire", System.Net.WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        fields[$"q{view.Questions.Single(q => q.Kind == SurveyQuestionKind.Likert).Id}"] = "4";
        var answered = await browser.SubmitFormAsync($"/surveys/{survey}", $"/ui/surveys/{survey}/answers", fields);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Matches("receipt-code\"><code>[A-Z2-9]{10}</code>", await answered.Content.ReadAsStringAsync());
        Assert.Equal(1, (await hr.ResultsAsync(survey)).Rounds[0].Participants);
        Assert.Contains("survey-answered", await browser.PageAsync($"/surveys/{survey}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HR_sees_nothing_of_an_open_round_nor_of_a_round_below_k_and_the_company_once_k_answered()
    {
        var hr = await NewPersonAsync("HR", "Europe/Paris", "hr");
        var small = await hr.CreateSurveyAsync(cut: "none");
        var round = await hr.OpenSurveyAsync(small);
        var four = new List<Actor>();
        for (var i = 0; i < 4; i++)
        {
            four.Add(await NewPersonAsync("Few"));
        }

        var view = await four[0].SurveyAsync(small);
        foreach (var person in four)
        {
            await person.AnswerAsync(view, 2, "Le parking est trop loin");
        }

        var open = await hr.ResultsAsync(small);
        Assert.Equal(RoundState.Open, open.Rounds[0].State);
        Assert.Null(open.Rounds[0].Respondents);
        Assert.All(open.Questions, q => Assert.Empty(q.Rounds));

        await hr.CloseRoundAsync(small, round);
        var closed = await hr.ResultsAsync(small);
        Assert.Equal(RoundState.Published, closed.Rounds[0].State);
        Assert.Null(closed.Rounds[0].Respondents);
        Assert.All(closed.Questions, q => Assert.All(q.Rounds, r => Assert.True(r.Company is null && r.Groups.Count == 0 && r.Comments is null)));
        var browser = await App.SignInWithBrowserCookiesAsync(hr);
        var page = await browser.PageAsync($"/surveys/{small}/results");
        Assert.DoesNotContain("chart-data", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Le parking", page, StringComparison.Ordinal);

        var enough = await hr.CreateSurveyAsync(cut: "none");
        round = await hr.OpenSurveyAsync(enough);
        view = await hr.SurveyAsync(enough);
        foreach (var person in four)
        {
            await person.AnswerAsync(view, 4, "Plus de télétravail");
        }

        await (await NewPersonAsync("Fifth")).AnswerAsync(view, 5, "Plus de télétravail");
        await hr.CloseRoundAsync(enough, round);
        var shown = await hr.ResultsAsync(enough);
        Assert.Equal(5, shown.Rounds[0].Respondents);
        var likert = shown.Questions.Single(q => q.Kind == SurveyQuestionKind.Likert).Rounds.Single().Company!;
        Assert.Equal(4.2, likert.Mean);
        Assert.Equal([0, 0, 0, 4, 1], likert.Distribution);
        var enps = shown.Questions.Single(q => q.Kind == SurveyQuestionKind.Enps).Rounds.Single().Company!;
        Assert.Equal(20, enps.Enps);
        Assert.Equal(5, shown.Questions.Single(q => q.Kind == SurveyQuestionKind.Text).Rounds.Single().Comments!.Count);
        page = System.Net.WebUtility.HtmlDecode(await browser.PageAsync($"/surveys/{enough}/results"));
        Assert.Contains("data-chart=\"line\"", page, StringComparison.Ordinal);
        Assert.Contains("Plus de télétravail", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_group_below_k_is_hidden_and_so_is_the_next_smallest_so_no_subtraction_reveals_it()
    {
        var hr = await NewPersonAsync("HR", "Europe/Paris", "hr");
        var large = await App.DepartmentAsync("Large");
        var few = await App.DepartmentAsync("Few");
        var medium = await App.DepartmentAsync("Medium");
        var people = (await App.StaffAsync(large, 7)).Concat(await App.StaffAsync(few, 2)).Concat(await App.StaffAsync(medium, 5)).ToList();
        var survey = await hr.CreateSurveyAsync(cut: "department", commentK: 20);
        var round = await hr.OpenSurveyAsync(survey);
        var view = await hr.SurveyAsync(survey);
        foreach (var (person, i) in people.Select((p, i) => (p, i)))
        {
            await person.AnswerAsync(view, 1 + (i % 5), "Commentaire");
        }

        await hr.CloseRoundAsync(survey, round);
        var results = await hr.ResultsAsync(survey);

        Assert.Equal(14, results.Rounds[0].Respondents);
        Assert.Equal([large], results.Rounds[0].Groups.Select(g => g.Band));
        var likert = results.Questions.Single(q => q.Kind == SurveyQuestionKind.Likert).Rounds.Single();
        Assert.Equal([large], likert.Groups.Select(g => g.Band));
        Assert.Equal(7, likert.Groups[0].Score.Respondents);
        Assert.Null(results.Questions.Single(q => q.Kind == SurveyQuestionKind.Text).Rounds.Single().Comments);
    }

    [Fact]
    public async Task The_CSV_export_holds_what_the_page_shows_and_no_cell_runs_as_a_formula()
    {
        var hr = await NewPersonAsync("HR", "Europe/Paris", "hr");
        var large = await App.DepartmentAsync("Exported");
        var few = await App.DepartmentAsync("Tiny");
        var fewer = await App.DepartmentAsync("Tiny");
        var people = (await App.StaffAsync(large, 6)).Concat(await App.StaffAsync(few, 2)).Concat(await App.StaffAsync(fewer, 3)).ToList();
        var survey = await hr.CreateSurveyAsync(cut: "department");
        var round = await hr.OpenSurveyAsync(survey);
        var view = await hr.SurveyAsync(survey);
        string[] comments = ["=HYPERLINK(\"http://evil.example\")", "+1+1", "-2", "@SUM(A1)", "Rien à signaler", "Tout va bien"];
        for (var i = 0; i < people.Count; i++)
        {
            await people[i].AnswerAsync(view, 3, comments[i % comments.Length]);
        }

        await hr.CloseRoundAsync(survey, round);
        var employee = await NewPersonAsync("Employee");
        Assert.Equal(HttpStatusCode.Forbidden, (await employee.Http.GetAsync($"/surveys/{survey}/results.csv")).StatusCode);
        var response = await hr.Http.GetAsync($"/surveys/{survey}/results.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var csv = await response.Content.ReadAsStringAsync();
        var results = await hr.ResultsAsync(survey);
        var shownGroup = Assert.Single(results.Rounds[0].Groups);
        Assert.Equal(large, shownGroup.Band);
        Assert.Contains(shownGroup.Label!, csv, StringComparison.Ordinal);
        Assert.DoesNotContain("Tiny", csv, StringComparison.Ordinal);
        Assert.Contains("'=HYPERLINK", csv, StringComparison.Ordinal);
        Assert.Contains("'+1+1", csv, StringComparison.Ordinal);
        Assert.Contains("'-2", csv, StringComparison.Ordinal);
        Assert.Contains("'@SUM(A1)", csv, StringComparison.Ordinal);
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.DoesNotContain(lines.Skip(1), line => line.Split(',').Any(cell => cell.TrimStart('"').Length > 0 && "=+-@\t\r".Contains(cell.TrimStart('"')[0], StringComparison.Ordinal)));
        Assert.Equal(11, results.Rounds[0].Respondents);
    }

    [Fact]
    public async Task HR_replies_to_an_anonymous_comment_and_its_writer_answers_with_the_reply_code_staying_anonymous()
    {
        var hr = await NewPersonAsync("HR", "Europe/Paris", "hr");
        var people = new List<Actor>();
        for (var i = 0; i < 5; i++)
        {
            people.Add(await NewPersonAsync("Commenter"));
        }

        var survey = await hr.CreateSurveyAsync(cut: "none");
        var round = await hr.OpenSurveyAsync(survey);
        var view = await hr.SurveyAsync(survey);
        var writer = await Actor.ReadAsync<AnswerReceipt>(await people[0].TryAnswerAsync(survey, SurveySteps.Answers(view, 4, "La cantine ferme trop tôt")), HttpStatusCode.Created);
        Assert.Matches("^[A-Z2-9]{12}$", writer.ReplyCode!);
        var silent = await Actor.ReadAsync<AnswerReceipt>(await people[1].TryAnswerAsync(survey, SurveySteps.Answers(view, 4)), HttpStatusCode.Created);
        Assert.Null(silent.ReplyCode);
        foreach (var person in people.Skip(2))
        {
            await person.AnswerAsync(view, 3, "Autre chose");
        }

        // Before the round is published, the writer finds nothing and HR can reply to nothing.
        await people[0].Http.PostAsJsonAsync($"/api/v1/surveys/{survey}/my-comments", new { code = writer.ReplyCode }).ShouldBeProblemAsync(HttpStatusCode.NotFound, "survey.reply-code-unknown");
        await hr.CloseRoundAsync(survey, round);
        var comment = (await hr.ResultsAsync(survey)).Questions.Single(q => q.Kind == SurveyQuestionKind.Text).Rounds.Single().Comments!.Single(c => c.Text == "La cantine ferme trop tôt");

        var employee = people[3];
        await employee.Http.PostAsJsonAsync($"/api/v1/surveys/{survey}/comments/{comment.Id}/replies", new { text = "Moi aussi" }).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "survey.results-forbidden");
        await Actor.ExpectAsync(await hr.Http.PostAsJsonAsync($"/api/v1/surveys/{survey}/comments/{comment.Id}/replies", new { text = "Merci, jusqu'à quelle heure la voudriez-vous ?" }), HttpStatusCode.NoContent);
        await hr.Http.PostAsJsonAsync($"/api/v1/surveys/{survey}/comments/{comment.Id}/replies", new { text = " " }).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "survey.reply-invalid");

        await employee.Http.PostAsJsonAsync($"/api/v1/surveys/{survey}/my-comments", new { code = "ABCDEFGHJKMN" }).ShouldBeProblemAsync(HttpStatusCode.NotFound, "survey.reply-code-unknown");
        await employee.Http.PostAsJsonAsync($"/api/v1/surveys/{survey}/my-comments/{comment.Id}/replies", new { code = "ABCDEFGHJKMN", text = "Usurpation" }).ShouldBeProblemAsync(HttpStatusCode.NotFound, "survey.reply-code-unknown");
        var mine = await Actor.ReadAsync<List<CommentThread>>(await people[0].Http.PostAsJsonAsync($"/api/v1/surveys/{survey}/my-comments", new { code = writer.ReplyCode!.ToLowerInvariant() }), HttpStatusCode.OK);
        var thread = Assert.Single(mine);
        Assert.Equal(comment.Id, thread.Id);
        Assert.Equal([hr.Name], thread.Replies.Select(r => r.Author));
        await Actor.ExpectAsync(await people[0].Http.PostAsJsonAsync($"/api/v1/surveys/{survey}/my-comments/{comment.Id}/replies", new { code = writer.ReplyCode, text = "Jusqu'à 14 h 30 !" }), HttpStatusCode.NoContent);

        var replies = (await hr.ResultsAsync(survey)).Questions.Single(q => q.Kind == SurveyQuestionKind.Text).Rounds.Single().Comments!.Single(c => c.Id == comment.Id).Replies;
        Assert.Equal([(hr.Name, "Merci, jusqu'à quelle heure la voudriez-vous ?"), (null, "Jusqu'à 14 h 30 !")], replies.Select(r => (r.Author, r.Text)));
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Ruche.Core.Data.RucheDbContext>();
        var stored = await db.Set<SurveyCommentReply>().Where(r => r.CommentId == comment.Id).OrderBy(r => r.Position).ToListAsync();
        Assert.Equal([hr.Id, null], stored.Select(r => r.AuthorId));
        Assert.DoesNotContain(stored, r => System.Text.Encoding.UTF8.GetString(r.Text).Contains("14 h 30", StringComparison.Ordinal));
    }
}

public sealed class SurveyTestsOnSqlite(SqliteApp app) : SurveyTests(app), IClassFixture<SqliteApp>;

public sealed class SurveyTestsOnPostgres(PostgresApp app) : SurveyTests(app), IClassFixture<PostgresApp>;
