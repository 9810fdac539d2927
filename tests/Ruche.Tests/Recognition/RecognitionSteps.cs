using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Ruche.Core.Recognition;
using Ruche.Tests.Infrastructure;
using Ruche.Web.Recognition;

namespace Ruche.Tests.Recognition;

/// <summary>Recognition, through the API.</summary>
public static class RecognitionSteps
{
    /// <summary>Three values the tests thank for, created by HR once per app (found again by name afterwards).</summary>
    public static async Task<IReadOnlyList<ValueView>> ValuesAsync(this RucheApp app)
    {
        var hr = await app.NewPersonAsync("Values keeper", "Europe/Paris", "hr");
        string[] names = ["Courage test", "Entraide test", "Rigueur test"];
        var values = await hr.GetAsync<List<ValueView>>("/api/v1/values");
        foreach (var name in names.Where(n => !values.Any(v => v.LabelFr == n)))
        {
            await Actor.ExpectAsync(await hr.Http.PostAsJsonAsync("/api/v1/values", new { labelFr = name, labelEn = name + " en" }, Actor.Json), HttpStatusCode.Created);
        }

        values = await hr.GetAsync<List<ValueView>>("/api/v1/values");
        return [.. names.Select(n => values.Single(v => v.LabelFr == n))];
    }

    public static Task<HttpResponseMessage> TryThankAsync(this Actor actor, object body) => actor.Http.PostAsJsonAsync("/api/v1/kudos", body, Actor.Json);

    public static async Task<long> ThankAsync(this Actor actor, Actor person, ValueView value, string message) =>
        (await Actor.ReadAsync<RecognitionCreated>(await actor.TryThankAsync(new { personId = person.Id, valueId = value.Id, message }), HttpStatusCode.Created)).Id;

    public static Task<ProfileRecognition> RecognitionOfAsync(this Actor actor, Actor person) => actor.GetAsync<ProfileRecognition>($"/api/v1/people/{person.Id}/recognition");

    public static Task<KudosWall> WallAsync(this Actor actor, string month = "") => actor.GetAsync<KudosWall>($"/api/v1/kudos?month={month}");

    public static Task<List<KudosView>> KudosFeedAsync(this Actor actor) => actor.GetAsync<List<KudosView>>("/api/v1/kudos/feed");

    public static async Task ShowKudosInFeedsAsync(this Actor actor, bool show) =>
        await Actor.ExpectAsync(await actor.Http.PutAsJsonAsync("/api/v1/me/recognition", new { showKudosInFeeds = show }, Actor.Json), HttpStatusCode.NoContent);

    public static Task<HttpResponseMessage> TryAskAsync(this Actor actor, string body, long? spaceId = null) =>
        actor.Http.PostAsJsonAsync("/api/v1/posts", new { body, spaceId, asQuestion = true }, Actor.Json);

    public static Task<HttpResponseMessage> TryMarkAsync(this Actor actor, long commentId, string mark, bool on) =>
        on ? actor.Http.PutAsync($"/api/v1/comments/{commentId}/{mark}", null) : actor.Http.DeleteAsync($"/api/v1/comments/{commentId}/{mark}");

    public static async Task MarkAsync(this Actor actor, long commentId, string mark, bool on = true) =>
        await Actor.ExpectAsync(await actor.TryMarkAsync(commentId, mark, on), HttpStatusCode.NoContent);

    public static Task<AnswerMarks> MarksAsync(this Actor actor, long postId) => actor.GetAsync<AnswerMarks>($"/api/v1/posts/{postId}/answers");

    /// <summary>Runs the hourly badge pass now, for everyone.</summary>
    public static async Task<int> AwardBadgesAsync(this RucheApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<BadgeAwarder>().AwardAsync(null, CancellationToken.None);
    }
}
