using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ruche.Core.Data;
using Ruche.Core.People;
using Ruche.Core.Surveys;
using Ruche.Tests.Infrastructure;

namespace Ruche.Tests.Surveys;

/// <summary>What HR and respondents do with surveys, through the API.</summary>
public static class SurveySteps
{
    public static object Questions(params object[] extra) =>
        new object[]
        {
            new { kind = "likert", text = "Je me sens reconnu·e" },
            new { kind = "enps", text = "Recommanderiez-vous l'entreprise ?" },
            new { kind = "singleChoice", text = "Charge de travail", options = new[] { "Légère", "Adaptée", "Lourde" } },
            new { kind = "multipleChoice", text = "Ce qui aide", options = new[] { "Équipe", "Outils", "Horaires" } },
            new { kind = "text", text = "Une chose à améliorer ?" },
        }.Concat(extra).ToArray();

    public static Task<HttpResponseMessage> TryCreateSurveyAsync(this Actor hr, object draft) =>
        hr.Http.PostAsJsonAsync("/api/v1/surveys", draft, Actor.Json);

    public static async Task<long> CreateSurveyAsync(this Actor hr, string cut = "department", bool everyone = true, long[]? departments = null, int k = 5, int commentK = 5) =>
        (await Actor.ReadAsync<Created>(await hr.TryCreateSurveyAsync(new
        {
            title = "Pulse " + Guid.NewGuid().ToString("N")[..6],
            questions = Questions(),
            targetsEveryone = everyone,
            departmentIds = departments ?? [],
            cut,
            scoreThreshold = k,
            commentThreshold = commentK,
            roundCount = 3,
            roundLengthDays = 7,
            intervalDays = 28,
        }), HttpStatusCode.Created)).Id;

    public static async Task<long> OpenSurveyAsync(this Actor hr, long survey)
    {
        await Actor.ExpectAsync(await hr.Http.PostAsync($"/api/v1/surveys/{survey}/open", null), HttpStatusCode.NoContent);
        return (await hr.SurveyAsync(survey)).OpenRound!.Id;
    }

    public static Task<SurveyView> SurveyAsync(this Actor actor, long survey) => actor.GetAsync<SurveyView>($"/api/v1/surveys/{survey}");

    public static Task<SurveyResults> ResultsAsync(this Actor actor, long survey) => actor.GetAsync<SurveyResults>($"/api/v1/surveys/{survey}/results");

    public static async Task CloseRoundAsync(this Actor hr, long survey, long round) =>
        await Actor.ExpectAsync(await hr.Http.PostAsync($"/api/v1/surveys/{survey}/rounds/{round}/close", null), HttpStatusCode.NoContent);

    public static Task<HttpResponseMessage> TryAnswerAsync(this Actor actor, long survey, object answers) =>
        actor.Http.PostAsJsonAsync($"/api/v1/surveys/{survey}/answers", new { answers }, Actor.Json);

    /// <summary>Answers every question of <paramref name="view"/>: Likert <paramref name="score"/>, eNPS twice it, the first option, a comment.</summary>
    public static async Task<string> AnswerAsync(this Actor actor, SurveyView view, int score, string? comment = null) =>
        (await Actor.ReadAsync<AnswerReceipt>(await actor.TryAnswerAsync(view.Id, Answers(view, score, comment)), HttpStatusCode.Created)).Receipt;

    public static object[] Answers(SurveyView view, int score, string? comment = null, int? likert = null, int? enps = null, int? option = null) =>
        view.Questions.Select(q => (object)(q.Kind switch
        {
            SurveyQuestionKind.Likert => new { questionId = q.Id, values = new[] { likert ?? score } },
            SurveyQuestionKind.Enps => new { questionId = q.Id, values = new[] { enps ?? Math.Min(score * 2, 10) } },
            SurveyQuestionKind.SingleChoice => new { questionId = q.Id, values = new[] { option ?? score % 3 } },
            SurveyQuestionKind.MultipleChoice => new { questionId = q.Id, values = new[] { 0, 2 } },
            _ => (object)new { questionId = q.Id, text = comment },
        })).ToArray();

    public static async Task<long> DepartmentAsync(this RucheApp app, string name)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RucheDbContext>();
        var department = new Department { Name = $"{name} {Guid.NewGuid().ToString("N")[..6]}" };
        db.Departments.Add(department);
        await db.SaveChangesAsync();
        return department.Id;
    }

    public static async Task PlaceAsync(this RucheApp app, Actor person, long? department)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RucheDbContext>();
        await db.People.Where(p => p.Id == person.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.DepartmentId, department));
    }

    /// <summary>People of a department, placed there.</summary>
    public static async Task<List<Actor>> StaffAsync(this RucheApp app, long department, int count, string name = "Staff")
    {
        var people = new List<Actor>();
        for (var i = 0; i < count; i++)
        {
            var person = await app.NewPersonAsync($"{name} {i}");
            await app.PlaceAsync(person, department);
            people.Add(person);
        }

        return people;
    }

    public sealed record Created(long Id);
}
