using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Ruche.Core.Surveys;
using Ruche.Web.Auth;

namespace Ruche.Web.Surveys;

/// <summary>Pulse surveys: HR builds and opens them, targeted people answer anonymously, HR reads suppression-safe results.</summary>
public static class SurveysApi
{
    public static RouteGroupBuilder MapSurveysApi(this RouteGroupBuilder api)
    {
        var surveys = api.MapGroup("/surveys").WithTags("Surveys");
        surveys.MapGet("/", async (ClaimsPrincipal user, SurveyReader reader, CancellationToken ct) =>
            TypedResults.Ok(await reader.ListAsync(user.RequireViewer(), ct))).WithName("ListSurveys");
        surveys.MapPost("/", CreateAsync).WithName("CreateSurvey");
        surveys.MapGet("/{id:long}", async (long id, ClaimsPrincipal user, SurveyReader reader, CancellationToken ct) =>
            TypedResults.Ok(await reader.GetAsync(user.RequireViewer(), id, ct))).WithName("GetSurvey");
        surveys.MapPut("/{id:long}/thresholds", async (long id, ThresholdsRequest request, ClaimsPrincipal user, SurveyService service, CancellationToken ct) =>
        {
            await service.SetThresholdsAsync(user.RequireViewer(), id, request.ScoreThreshold, request.CommentThreshold, ct);
            return TypedResults.NoContent();
        }).WithName("SetSurveyThresholds");
        surveys.MapPost("/{id:long}/open", async (long id, ClaimsPrincipal user, SurveyService service, CancellationToken ct) =>
        {
            await service.OpenAsync(user.RequireViewer(), id, ct);
            return TypedResults.NoContent();
        }).WithName("OpenSurvey");
        surveys.MapPost("/{id:long}/rounds/{roundId:long}/close", async (long id, long roundId, ClaimsPrincipal user, SurveyService service, CancellationToken ct) =>
        {
            await service.CloseRoundAsync(user.RequireViewer(), id, roundId, ct);
            return TypedResults.NoContent();
        }).WithName("CloseSurveyRound");
        surveys.MapPost("/{id:long}/answers", AnswerAsync).WithName("AnswerSurvey");
        surveys.MapPost("/{id:long}/comments/{commentId:guid}/replies", async (long id, Guid commentId, ReplyRequest request, ClaimsPrincipal user, SurveyReplies replies, CancellationToken ct) =>
        {
            await replies.ReplyAsManagerAsync(user.RequireViewer(), id, commentId, request.Text, ct);
            return TypedResults.NoContent();
        }).WithName("ReplyToSurveyComment");

        // The comment's writer: the reply code travels in the body, never in an address.
        surveys.MapPost("/{id:long}/my-comments", async (long id, MyCommentsRequest request, ClaimsPrincipal user, SurveyReplies replies, CancellationToken ct) =>
        {
            _ = user.RequireViewer();
            return TypedResults.Ok(await replies.MineAsync(id, request.Code, ct));
        }).WithName("ReadMySurveyComments");
        surveys.MapPost("/{id:long}/my-comments/{commentId:guid}/replies", async (long id, Guid commentId, MyReplyRequest request, ClaimsPrincipal user, SurveyReplies replies, CancellationToken ct) =>
        {
            _ = user.RequireViewer();
            await replies.ReplyAsCommenterAsync(id, request.Code, commentId, request.Text, ct);
            return TypedResults.NoContent();
        }).WithName("AnswerInMySurveyCommentThread");
        surveys.MapGet("/{id:long}/results", async (long id, ClaimsPrincipal user, SurveyResultsReader results, CancellationToken ct) =>
            TypedResults.Ok(await results.ResultsAsync(user.RequireViewer(), id, ct))).WithName("GetSurveyResults");
        return api;
    }

    private static async Task<Created<SurveyCreated>> CreateAsync(SurveyDraft request, ClaimsPrincipal user, SurveyService service, CancellationToken ct)
    {
        var id = await service.CreateAsync(user.RequireViewer(), request, ct);
        return TypedResults.Created($"/api/v1/surveys/{id}", new SurveyCreated(id));
    }

    /// <summary>201 with the receipt code (it says "counted" later, never what was answered) and, with a comment, the reply code: shown once.</summary>
    private static async Task<Created<AnswerReceipt>> AnswerAsync(long id, AnswerRequest request, ClaimsPrincipal user, SurveyAnswering answering, CancellationToken ct) =>
        TypedResults.Created((string?)null, await answering.AnswerAsync(user.RequireViewer(), id, request.Answers, ct));
}

public sealed record SurveyCreated(long Id);

public sealed record ThresholdsRequest(int? ScoreThreshold, int? CommentThreshold);

public sealed record AnswerRequest(IReadOnlyList<AnswerInput>? Answers);

public sealed record ReplyRequest([property: StringLength(SurveyLimits.CommentMaxLength, MinimumLength = 1)] string? Text);

public sealed record MyCommentsRequest(string? Code);

public sealed record MyReplyRequest(string? Code, [property: StringLength(SurveyLimits.CommentMaxLength, MinimumLength = 1)] string? Text);
