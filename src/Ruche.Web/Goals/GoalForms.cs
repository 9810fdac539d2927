using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Ruche.Core.Goals;
using Ruche.Core.WorkTime;
using Ruche.Web.Auth;
using Ruche.Web.Hosting;

namespace Ruche.Web.Goals;

/// <summary>The HTML forms of the daily goals: they call the same services as the API and come back to the page.</summary>
public static class GoalForms
{
    public static IEndpointRouteBuilder MapGoalForms(this IEndpointRouteBuilder app)
    {
        var ui = app.MapGroup("/ui/goals").ExcludeFromDescription();
        ui.MapPost("/", ([FromForm] GoalsForm form, ClaimsPrincipal user, DailyGoalsService service, HttpContext http) =>
            FormResults.RunAsync(http, form.ReturnUrl ?? "/goals", async () =>
            {
                var goals = new[] { (form.Goal1, form.Link1), (form.Goal2, form.Link2), (form.Goal3, form.Link3) }
                    .Where(g => !string.IsNullOrWhiteSpace(g.Item1) || !string.IsNullOrWhiteSpace(g.Item2))
                    .Select(g => new GoalInput(g.Item1, g.Item2))
                    .ToList();
                var list = await service.PostAsync(user.RequireViewer(), new NewGoals(goals, form.Note), http.RequestAborted);
                return $"/goals#post-{list.PostId}";
            }));
        ui.MapPost("/carry-over", ([FromForm] ReturnForm form, ClaimsPrincipal user, DailyGoalsService service, HttpContext http) =>
            FormResults.RunAsync(http, form.ReturnUrl ?? "/goals", async () =>
            {
                await service.CarryOverAsync(user.RequireViewer(), http.RequestAborted);
                return "/goals";
            }));
        ui.MapPost("/items/{id:long}/status", (long id, [FromForm] CheckOffForm form, ClaimsPrincipal user, DailyGoalsService service, HttpContext http) =>
            FormResults.RunAsync(http, form.ReturnUrl, async () =>
            {
                var status = Enum.TryParse<GoalStatus>(form.Status, out var parsed) ? parsed : (GoalStatus)(-1);
                await service.CheckOffAsync(user.RequireViewer(), id, status, form.Note, http.RequestAborted);
                return $"{FormResults.Safe(form.ReturnUrl)}#goal-{id}";
            }));
        ui.MapPost("/items/{id:long}/suggestions", (long id, [FromForm] SuggestionForm form, ClaimsPrincipal user, GoalSuggestionService service, HttpContext http) =>
            FormResults.RunAsync(http, form.ReturnUrl, async () =>
            {
                await service.SuggestAsync(user.RequireViewer(), id, new GoalInput(form.Text), form.Note, http.RequestAborted);
                return $"{FormResults.Safe(form.ReturnUrl)}#goal-{id}";
            }));
        ui.MapPost("/suggestions/{id:long}/answer", (long id, [FromForm] AnswerForm form, ClaimsPrincipal user, GoalSuggestionService service, HttpContext http) =>
            FormResults.RunAsync(http, form.ReturnUrl, async () =>
            {
                var answer = Enum.TryParse<SuggestionAnswer>(form.Answer, out var parsed) ? parsed : (SuggestionAnswer)(-1);
                await service.AnswerAsync(user.RequireViewer(), id, answer, http.RequestAborted);
                return null;
            }));
        ui.MapPost("/leave", ([FromForm] LeaveForm form, ClaimsPrincipal user, WorkScheduleService service, HttpContext http) =>
            FormResults.RunOrRefillAsync<GoalsSettingsPage>(new { TypedLeave = form }, async () =>
            {
                await service.AddLeaveAsync(user.RequireViewer(), form.From, form.To, http.RequestAborted);
                return "/goals/settings?saved=leave";
            }));
        ui.MapPost("/leave/{id:long}/delete", (long id, ClaimsPrincipal user, WorkScheduleService service, HttpContext http) =>
            FormResults.RunAsync(http, "/goals/settings", async () =>
            {
                await service.RemoveLeaveAsync(user.RequireViewer(), id, http.RequestAborted);
                return "/goals/settings?saved=leave";
            }));
        ui.MapPost("/schedule", ([FromForm] ScheduleForm form, ClaimsPrincipal user, WorkScheduleService service, HttpContext http) =>
            FormResults.RunOrRefillAsync<GoalsSettingsPage>(new { TypedSchedule = form }, async () =>
            {
                var days = (form.Days ?? []).Aggregate(WorkingDays.None, (all, day) => all | (Enum.TryParse<WorkingDays>(day, out var d) ? d : WorkingDays.None));
                await service.SetAsync(
                    user.RequireViewer(),
                    new WorkScheduleChange(days, Minutes(form.Start), Minutes(form.End), form.GoalsSpaceId),
                    http.RequestAborted);
                return "/goals/settings?saved=schedule";
            }));
        // An unticked box sends no field at all: then there is no form to bind, and that means "not shared".
        ui.MapPost("/history-sharing", ([FromForm] HistorySharingForm form, ClaimsPrincipal user, GoalHistoryService service, HttpContext http) =>
            FormResults.RunAsync(http, "/goals/settings", async () =>
            {
                await service.SetSharingAsync(user.RequireViewer(), form.Shared, http.RequestAborted);
                return "/goals/settings?saved=history-sharing";
            }));
        ui.MapPost("/team/{spaceId:long}", (long spaceId, [FromForm] TeamSettingsForm form, ClaimsPrincipal user, TeamGoalSettingsService service, HttpContext http) =>
            FormResults.RunAsync(http, $"/spaces/{spaceId}/goals", async () =>
            {
                await service.SetAsync(user.RequireViewer(), spaceId, Minutes(form.Reminder) ?? -1, form.WeeklyRecap, http.RequestAborted);
                return $"/spaces/{spaceId}/goals?saved=settings";
            }));
        return app;
    }

    private static int? Minutes(TimeOnly? time) => time is { } t ? (t.Hour * 60) + t.Minute : null;
}

/// <summary>Fields of an HTML form; a field the browser leaves out binds as its default.</summary>
public sealed record GoalsForm
{
    public string? Goal1 { get; init; }

    public string? Link1 { get; init; }

    public string? Goal2 { get; init; }

    public string? Link2 { get; init; }

    public string? Goal3 { get; init; }

    public string? Link3 { get; init; }

    public string? Note { get; init; }

    public string? ReturnUrl { get; init; }
}

public sealed record CheckOffForm
{
    public string? Status { get; init; }

    public string? Note { get; init; }

    public string? ReturnUrl { get; init; }
}

public sealed record SuggestionForm
{
    public string? Text { get; init; }

    public string? Note { get; init; }

    public string? ReturnUrl { get; init; }
}

public sealed record AnswerForm
{
    public string? Answer { get; init; }

    public string? ReturnUrl { get; init; }
}

public sealed record LeaveForm
{
    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }
}

public sealed record ScheduleForm
{
    public IReadOnlyList<string>? Days { get; init; }

    public TimeOnly? Start { get; init; }

    public TimeOnly? End { get; init; }

    public long? GoalsSpaceId { get; init; }
}

public sealed record TeamSettingsForm
{
    public TimeOnly? Reminder { get; init; }

    public bool WeeklyRecap { get; init; }
}

public sealed record HistorySharingForm
{
    /// <summary>The checkbox: sent ("true") when ticked, absent when not.</summary>
    public bool Shared { get; init; }
}
