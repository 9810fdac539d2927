using System.Net;
using System.Net.Http.Json;
using Ruche.Core.Goals;
using Ruche.Tests.Infrastructure;

namespace Ruche.Tests.Goals;

/// <summary>What people do with their daily goals, through the API.</summary>
public static class GoalSteps
{
    public static Task<HttpResponseMessage> SendGoalsAsync(this Actor actor, params string[] goals) =>
        actor.Http.PostAsJsonAsync("/api/v1/goals", new { goals = goals.Select(text => new { text }) }, Actor.Json);

    public static async Task<GoalListView> PostGoalsAsync(this Actor actor, params string[] goals) =>
        await Actor.ReadAsync<GoalListView>(await actor.SendGoalsAsync(goals), HttpStatusCode.Created);

    public static Task<HttpResponseMessage> SendCheckOffAsync(this Actor actor, long goalId, GoalStatus status, string? note = null) =>
        actor.Http.PutAsJsonAsync($"/api/v1/goals/items/{goalId}/status", new { status, note }, Actor.Json);

    public static async Task<GoalListView> CheckOffAsync(this Actor actor, long goalId, GoalStatus status, string? note = null) =>
        await Actor.ReadAsync<GoalListView>(await actor.SendCheckOffAsync(goalId, status, note), HttpStatusCode.OK);

    public static Task<HttpResponseMessage> SendSuggestionAsync(this Actor actor, long goalId, string text, string? note = null) =>
        actor.Http.PostAsJsonAsync($"/api/v1/goals/items/{goalId}/suggestions", new { text, note }, Actor.Json);

    public static async Task<GoalListView> SuggestAsync(this Actor actor, long goalId, string text, string? note = null) =>
        await Actor.ReadAsync<GoalListView>(await actor.SendSuggestionAsync(goalId, text, note), HttpStatusCode.Created);

    public static Task<HttpResponseMessage> SendAnswerAsync(this Actor actor, long suggestionId, SuggestionAnswer answer) =>
        actor.Http.PostAsJsonAsync($"/api/v1/goals/suggestions/{suggestionId}/answer", new { answer }, Actor.Json);

    public static async Task<GoalListView> AnswerAsync(this Actor actor, long suggestionId, SuggestionAnswer answer) =>
        await Actor.ReadAsync<GoalListView>(await actor.SendAnswerAsync(suggestionId, answer), HttpStatusCode.OK);

    public static Task<MyGoalsDay> GoalsTodayAsync(this Actor actor) => actor.GetAsync<MyGoalsDay>("/api/v1/goals/today");

    public static async Task<GoalListView> CarryOverAsync(this Actor actor) =>
        await Actor.ReadAsync<GoalListView>(await actor.Http.PostAsync("/api/v1/goals/carry-over", null), HttpStatusCode.OK);

    public static Task<TeamBoard> BoardAsync(this Actor actor, long spaceId, DateOnly? date = null) =>
        actor.GetAsync<TeamBoard>($"/api/v1/spaces/{spaceId}/goals-board" + (date is { } d ? $"?date={d:yyyy-MM-dd}" : string.Empty));

    public static async Task SetReminderAsync(this Actor actor, long spaceId, int minute) =>
        await Actor.ExpectAsync(await actor.Http.PutAsJsonAsync($"/api/v1/spaces/{spaceId}/goals-settings", new { reminderMinute = minute }, Actor.Json), HttpStatusCode.OK);

    public static async Task AddLeaveAsync(this Actor actor, DateOnly from, DateOnly to) =>
        await Actor.ExpectAsync(await actor.Http.PostAsJsonAsync("/api/v1/me/work-schedule/leave", new { from, to }, Actor.Json), HttpStatusCode.Created);
}
