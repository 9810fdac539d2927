using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Ruche.Core.Common;
using Ruche.Core.Goals;
using Ruche.Core.WorkTime;
using Ruche.Web.Auth;

namespace Ruche.Web.Goals;

/// <summary>The daily goals routine: posting, checking off, suggestions, the team board, and the work schedule behind them.</summary>
public static class GoalsApi
{
    public static RouteGroupBuilder MapGoalsApi(this RouteGroupBuilder api)
    {
        var goals = api.MapGroup("/goals").WithTags("Goals");
        goals.MapGet("/today", async (ClaimsPrincipal user, DailyGoalsService service, CancellationToken ct) =>
            TypedResults.Ok(await service.TodayAsync(user.RequireViewer(), ct))).WithName("GetMyGoalsToday");
        goals.MapPost("/", PostAsync).WithName("PostGoals");
        goals.MapGet("/{id:long}", async (long id, ClaimsPrincipal user, DailyGoalsService service, CancellationToken ct) =>
            TypedResults.Ok(await service.GetAsync(user.RequireViewer(), id, ct))).WithName("GetGoals");
        goals.MapPost("/carry-over", CarryOverAsync).WithName("CarryOverGoals");
        goals.MapPut("/items/{goalId:long}/status", async (long goalId, GoalStatusRequest request, ClaimsPrincipal user, DailyGoalsService service, CancellationToken ct) =>
            TypedResults.Ok(await service.CheckOffAsync(user.RequireViewer(), goalId, request.Status ?? (GoalStatus)(-1), request.Note, ct))).WithName("CheckOffGoal");
        goals.MapPost("/items/{goalId:long}/suggestions", SuggestAsync).WithName("SuggestGoal");
        goals.MapPost("/suggestions/{id:long}/answer", async (long id, SuggestionAnswerRequest request, ClaimsPrincipal user, GoalSuggestionService service, CancellationToken ct) =>
            TypedResults.Ok(await service.AnswerAsync(user.RequireViewer(), id, request.Answer ?? (SuggestionAnswer)(-1), ct))).WithName("AnswerGoalSuggestion");

        api.MapGet("/spaces/{id:long}/goals-board", async (long id, DateOnly? date, ClaimsPrincipal user, TeamBoardService service, CancellationToken ct) =>
            TypedResults.Ok(await service.BoardAsync(user.RequireViewer(), id, date, ct))).WithTags("Goals").WithName("GetTeamGoalsBoard");
        api.MapGet("/spaces/{id:long}/goals-settings", async (long id, ClaimsPrincipal user, TeamGoalSettingsService service, CancellationToken ct) =>
            TypedResults.Ok(await service.GetAsync(user.RequireViewer(), id, ct))).WithTags("Goals").WithName("GetTeamGoalsSettings");
        api.MapPut("/spaces/{id:long}/goals-settings", async (long id, TeamGoalSettingsRequest request, ClaimsPrincipal user, TeamGoalSettingsService service, CancellationToken ct) =>
            TypedResults.Ok(await service.SetAsync(user.RequireViewer(), id, request.ReminderMinute, request.WeeklyRecap, ct))).WithTags("Goals").WithName("SetTeamGoalsSettings");
        api.MapGet("/people/{id:long}/goals-history", async (long id, ClaimsPrincipal user, GoalHistoryService service, CancellationToken ct) =>
            TypedResults.Ok(await service.HistoryAsync(user.RequireViewer(), id, ct))).WithTags("Goals").WithName("GetGoalsHistory");
        api.MapGet("/me/goals-history-sharing", async (ClaimsPrincipal user, GoalHistoryService service, CancellationToken ct) =>
            TypedResults.Ok(await service.SharingAsync(user.RequireViewer(), ct))).WithTags("Goals").WithName("GetMyGoalsHistorySharing");
        api.MapPut("/me/goals-history-sharing", async (GoalHistorySharingRequest request, ClaimsPrincipal user, GoalHistoryService service, CancellationToken ct) =>
            TypedResults.Ok(await service.SetSharingAsync(user.RequireViewer(), request.Shared ?? throw RucheException.Invalid("goals.history-sharing-invalid", "Say whether to share: {\"shared\": true} or false."), ct)))
            .WithTags("Goals").WithName("SetMyGoalsHistorySharing");

        var work = api.MapGroup("/me/work-schedule").WithTags("Work schedule");
        work.MapGet("/", async (ClaimsPrincipal user, WorkScheduleService service, CancellationToken ct) =>
            TypedResults.Ok(await service.GetAsync(user.RequireViewer(), ct))).WithName("GetMyWorkSchedule");
        work.MapPut("/", async (WorkScheduleChange request, ClaimsPrincipal user, WorkScheduleService service, CancellationToken ct) =>
            TypedResults.Ok(await service.SetAsync(user.RequireViewer(), request, ct))).WithName("SetMyWorkSchedule");
        work.MapPost("/leave", async (LeaveRequest request, ClaimsPrincipal user, WorkScheduleService service, CancellationToken ct) =>
        {
            var leave = await service.AddLeaveAsync(user.RequireViewer(), request.From, request.To, ct);
            return TypedResults.Created($"/api/v1/me/work-schedule/leave/{leave.Id}", leave);
        }).WithName("AddMyLeave");
        work.MapDelete("/leave/{id:long}", async (long id, ClaimsPrincipal user, WorkScheduleService service, CancellationToken ct) =>
        {
            await service.RemoveLeaveAsync(user.RequireViewer(), id, ct);
            return TypedResults.NoContent();
        }).WithName("RemoveMyLeave");

        var admin = api.MapGroup("/admin").WithTags("Administration");
        admin.MapGet("/holidays", async (ClaimsPrincipal user, WorkScheduleService service, CancellationToken ct) =>
            TypedResults.Ok(await service.CompanyHolidaysAsync(user.RequireViewer(), ct))).WithName("ListCompanyHolidays");
        admin.MapPost("/holidays", async (HolidayRequest request, ClaimsPrincipal user, WorkScheduleService service, CancellationToken ct) =>
        {
            var holiday = await service.AddCompanyHolidayAsync(user.RequireViewer(), request.CountryCode, request.Date, request.Name, ct);
            return TypedResults.Created($"/api/v1/admin/holidays/{holiday.Id}", holiday);
        }).WithName("AddCompanyHoliday");
        admin.MapDelete("/holidays/{id:long}", async (long id, ClaimsPrincipal user, WorkScheduleService service, CancellationToken ct) =>
        {
            await service.RemoveCompanyHolidayAsync(user.RequireViewer(), id, ct);
            return TypedResults.NoContent();
        }).WithName("RemoveCompanyHoliday");
        admin.MapPut("/settings/goals-tag", async (GoalsTagRequest request, ClaimsPrincipal user, TeamGoalSettingsService service, CancellationToken ct) =>
            TypedResults.Ok(new GoalsTagRequest(await service.SetCompanyTagAsync(user.RequireViewer(), request.Tag, ct)))).WithName("SetGoalsTag");
        return api;
    }

    private static async Task<Created<GoalListView>> PostAsync(NewGoalsRequest request, ClaimsPrincipal user, DailyGoalsService service, CancellationToken ct)
    {
        var list = await service.PostAsync(user.RequireViewer(), new NewGoals(request.Goals, request.Note, request.PersonId), ct);
        return TypedResults.Created($"/api/v1/goals/{list.Id}", list);
    }

    private static async Task<Ok<GoalListView>> CarryOverAsync(ClaimsPrincipal user, DailyGoalsService service, CancellationToken ct) =>
        TypedResults.Ok(await service.CarryOverAsync(user.RequireViewer(), ct));

    private static async Task<Created<GoalListView>> SuggestAsync(long goalId, SuggestionRequest request, ClaimsPrincipal user, GoalSuggestionService service, CancellationToken ct)
    {
        var list = await service.SuggestAsync(user.RequireViewer(), goalId, new GoalInput(request.Text), request.Note, ct);
        return TypedResults.Created($"/api/v1/goals/{list.Id}", list);
    }
}

public sealed record NewGoalsRequest([property: MaxLength(Limits.GoalsPerDay)] IReadOnlyList<GoalInput>? Goals, [property: MaxLength(Limits.GoalNoteMaxLength)] string? Note, long? PersonId);

public sealed record GoalStatusRequest(GoalStatus? Status, [property: MaxLength(Limits.GoalNoteMaxLength)] string? Note);

public sealed record SuggestionRequest([property: StringLength(Limits.GoalMaxLength, MinimumLength = 1)] string? Text, [property: MaxLength(Limits.GoalNoteMaxLength)] string? Note);

public sealed record SuggestionAnswerRequest(SuggestionAnswer? Answer);

public sealed record TeamGoalSettingsRequest(int? ReminderMinute, bool? WeeklyRecap);

public sealed record LeaveRequest(DateOnly? From, DateOnly? To);

public sealed record HolidayRequest(string? CountryCode, DateOnly? Date, string? Name);

public sealed record GoalsTagRequest([property: MaxLength(Limits.TagMaxLength)] string? Tag);

public sealed record GoalHistorySharingRequest(bool? Shared);
