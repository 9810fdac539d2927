using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Ruche.Core.Common;
using Ruche.Core.Recognition;
using Ruche.Web.Auth;

namespace Ruche.Web.Recognition;

/// <summary>Recognition: the company's values, kudos (the wall, a profile's, feeds'), badges, questions and helpful answers, figures per value for HR.</summary>
public static class RecognitionApi
{
    public static RouteGroupBuilder MapRecognitionApi(this RouteGroupBuilder api)
    {
        var values = api.MapGroup("/values").WithTags("Recognition");
        values.MapGet("/", async (string? archived, ClaimsPrincipal user, CompanyValueService service, CancellationToken ct) =>
        {
            var viewer = user.RequireViewer();
            return TypedResults.Ok(await service.ListAsync(archived == "true" && RecognitionRights.MayAdministerValues(viewer), ct));
        }).WithName("ListCompanyValues").WithDescription("The company's values in use; archived=true adds the archived ones (HR and administrators).");
        values.MapPost("/", async (ValueRequest request, ClaimsPrincipal user, CompanyValueService service, CancellationToken ct) =>
        {
            var id = await service.AddAsync(user.RequireViewer(), request.ToInput(), ct);
            return TypedResults.Created($"/api/v1/values/{id}", new RecognitionCreated(id));
        }).WithName("AddCompanyValue").WithDescription("HR and administrators: labelFr, labelEn (both required), position.");
        values.MapPut("/{id:long}", async (long id, ValueRequest request, ClaimsPrincipal user, CompanyValueService service, CancellationToken ct) =>
        {
            await service.UpdateAsync(user.RequireViewer(), id, request.ToInput(), ct);
            return TypedResults.NoContent();
        }).WithName("UpdateCompanyValue").WithDescription("HR and administrators: rename, move, archive (isArchived) or restore a value.");

        var kudos = api.MapGroup("/kudos").WithTags("Recognition");
        kudos.MapGet("/", async (string? month, ClaimsPrincipal user, KudosReader reader, CancellationToken ct) =>
            TypedResults.Ok(await reader.WallAsync(user.RequireViewer(), RecognitionInputs.MonthOrNull(month), ct)))
            .WithName("KudosWall").WithDescription("The thank-you wall of a month (yyyy-MM, the current one by default), newest first.");
        kudos.MapPost("/", GiveAsync).WithName("GiveKudos")
            .WithDescription("personId or spaceId (a team space; exactly one), valueId (a value in use), message. At most 10 a day.");
        kudos.MapGet("/{id:long}", async (long id, ClaimsPrincipal user, KudosReader reader, CancellationToken ct) =>
            TypedResults.Ok(await reader.GetAsync(user.RequireViewer(), id, ct))).WithName("GetKudos");
        kudos.MapDelete("/{id:long}", async (long id, ClaimsPrincipal user, KudosService service, CancellationToken ct) =>
        {
            await service.WithdrawAsync(user.RequireViewer(), id, ct);
            return TypedResults.NoContent();
        }).WithName("WithdrawKudos").WithDescription("Its giver takes a thank-you back.");
        kudos.MapGet("/feed", async (ClaimsPrincipal user, KudosReader reader, CancellationToken ct) =>
            TypedResults.Ok(await reader.ForFeedsAsync(user.RequireViewer(), ct)))
            .WithName("KudosInFeeds").WithDescription("The last week's thanks to people who chose to show theirs in feeds, and to teams.");
        kudos.MapGet("/statistics", StatisticsAsync).WithName("KudosByValue")
            .WithDescription("HR and administrators: kudos per value from `from` to `to` (yyyy-MM-dd, the last 90 days by default); figures for fewer than 5 givers or receivers suppressed.");

        api.MapGet("/people/{id:long}/recognition", async (long id, ClaimsPrincipal user, KudosReader reader, CancellationToken ct) =>
            TypedResults.Ok(await reader.ProfileAsync(user.RequireViewer(), id, ct)))
            .WithTags("Recognition").WithName("PersonRecognition").WithDescription("The thanks a person received that you may read, and their badges.");
        api.MapGet("/badges", () => TypedResults.Ok(BadgeCatalogue.All)).WithTags("Recognition").WithName("ListBadges")
            .WithDescription("Every badge and how it is earned.");
        api.MapGet("/me/recognition", async (ClaimsPrincipal user, RecognitionPreferences preferences, CancellationToken ct) =>
            TypedResults.Ok(new RecognitionPreferenceDto(await preferences.ShowsKudosInFeedsAsync(user.RequireViewer(), ct))))
            .WithTags("Recognition").WithName("GetRecognitionPreference");
        api.MapPut("/me/recognition", async (RecognitionPreferenceDto request, ClaimsPrincipal user, RecognitionPreferences preferences, CancellationToken ct) =>
        {
            await preferences.SetShowKudosInFeedsAsync(user.RequireViewer(), request.ShowKudosInFeeds, ct);
            return TypedResults.NoContent();
        }).WithTags("Recognition").WithName("SetRecognitionPreference").WithDescription("showKudosInFeeds: whether the thanks you receive appear in feeds (off by default).");

        api.MapGet("/questions", async (long? spaceId, string? unanswered, ClaimsPrincipal user, QuestionReader reader, CancellationToken ct) =>
            TypedResults.Ok(await reader.ListAsync(user.RequireViewer(), spaceId, unanswered == "true", ct)))
            .WithTags("Recognition").WithName("ListQuestions").WithDescription("Posts asked as questions that you may read, newest first; spaceId narrows to one space, unanswered=true to those without a best answer.");
        api.MapGet("/posts/{id:long}/answers", async (long id, ClaimsPrincipal user, QuestionReader reader, CancellationToken ct) =>
            TypedResults.Ok(await reader.MarksAsync(user.RequireViewer(), id, ct)))
            .WithTags("Recognition").WithName("PostAnswerMarks").WithDescription("Whether the post is a question, its best answer and the comments its author marked helpful.");
        var comments = api.MapGroup("/comments").WithTags("Recognition");
        comments.MapPut("/{id:long}/helpful", (long id, ClaimsPrincipal user, QuestionService service, CancellationToken ct) => MarkAsync(service.MarkHelpfulAsync, user, id, true, ct))
            .WithName("MarkCommentHelpful").WithDescription("The post's author marks a colleague's comment helpful.");
        comments.MapDelete("/{id:long}/helpful", (long id, ClaimsPrincipal user, QuestionService service, CancellationToken ct) => MarkAsync(service.MarkHelpfulAsync, user, id, false, ct))
            .WithName("UnmarkCommentHelpful");
        comments.MapPut("/{id:long}/best", (long id, ClaimsPrincipal user, QuestionService service, CancellationToken ct) => MarkAsync(service.MarkBestAsync, user, id, true, ct))
            .WithName("MarkBestAnswer").WithDescription("The question's author chooses this comment as the best answer (it replaces an earlier choice).");
        comments.MapDelete("/{id:long}/best", (long id, ClaimsPrincipal user, QuestionService service, CancellationToken ct) => MarkAsync(service.MarkBestAsync, user, id, false, ct))
            .WithName("UnmarkBestAnswer");
        return api;
    }

    private static async Task<NoContent> MarkAsync(Func<Viewer, long, bool, CancellationToken, Task> mark, ClaimsPrincipal user, long id, bool on, CancellationToken ct)
    {
        await mark(user.RequireViewer(), id, on, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Created<RecognitionCreated>> GiveAsync(KudosRequest request, ClaimsPrincipal user, KudosService service, CancellationToken ct)
    {
        var id = await service.GiveAsync(user.RequireViewer(), new NewKudos(request.PersonId, request.SpaceId, request.ValueId, request.Message), ct);
        return TypedResults.Created($"/api/v1/kudos/{id}", new RecognitionCreated(id));
    }

    private static async Task<Ok<KudosStatisticsView>> StatisticsAsync(string? from, string? to, ClaimsPrincipal user, KudosStatistics statistics, TimeProvider time, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var end = Day(to) ?? today;
        return TypedResults.Ok(await statistics.ByValueAsync(user.RequireViewer(), Day(from) ?? end.AddDays(-89), end, ct));
    }

    private static DateOnly? Day(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
        : DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
        : throw RucheException.Invalid("kudos.period-invalid", "A day is written yyyy-MM-dd, and the period ends after it starts.");
}

public sealed record KudosRequest(long? PersonId, long? SpaceId, long? ValueId, [property: MaxLength(RecognitionInputs.MessageMaxLength)] string? Message);

public sealed record ValueRequest(
    [property: MaxLength(RecognitionInputs.ValueLabelMaxLength)] string? LabelFr, [property: MaxLength(RecognitionInputs.ValueLabelMaxLength)] string? LabelEn, int? Position, bool? IsArchived)
{
    public ValueInput ToInput() => new(LabelFr, LabelEn, Position, IsArchived == true);
}

public sealed record RecognitionPreferenceDto(bool ShowKudosInFeeds);

public sealed record RecognitionCreated(long Id);

/// <summary>A badge and what earns it (the threshold where there is one), as the badges page and the API explain it.</summary>
public sealed record BadgeInfo(string Key, int? Threshold);

public static class BadgeCatalogue
{
    public static readonly IReadOnlyList<BadgeInfo> All =
    [
        new(Badges.IdeaAccepted, null),
        new(Badges.HelpfulAnswers, Badges.HelpfulAnswersNeeded),
        new(Badges.BestAnswer, null),
        new(Badges.SuggestionTaken, null),
        new(Badges.ManyValues, Badges.DistinctValuesNeeded),
    ];
}
