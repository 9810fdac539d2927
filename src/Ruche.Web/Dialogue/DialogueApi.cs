using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Ruche.Core.Dialogue;
using Ruche.Web.Auth;

namespace Ruche.Web.Dialogue;

/// <summary>
/// Social dialogue: the unions and their agreement (recorded by administrators under /admin), each employee's choice
/// about each union's broadcasts, the broadcasts, the union's reach (its delegates only, counts of 5 or more) and
/// private questions to the delegates.
/// </summary>
public static class DialogueApi
{
    public static RouteGroupBuilder MapDialogueApi(this RouteGroupBuilder api)
    {
        var unions = api.MapGroup("/unions").WithTags("Social dialogue");
        unions.MapGet("/", async (ClaimsPrincipal user, UnionService service, CancellationToken ct) =>
            TypedResults.Ok(await service.ListAsync(user.RequireViewer(), ct))).WithName("ListUnions");
        unions.MapGet("/{id:long}", async (long id, ClaimsPrincipal user, UnionService service, CancellationToken ct) =>
            TypedResults.Ok(await service.GetAsync(user.RequireViewer(), id, ct))).WithName("GetUnion");
        unions.MapGet("/agreement", AgreementAsync).WithName("GetUnionAgreement");
        unions.MapPut("/{id:long}/broadcast-choice", async (long id, BroadcastChoiceRequest request, ClaimsPrincipal user, BroadcastChoices choices, CancellationToken ct) =>
        {
            await choices.SetAsync(user.RequireViewer(), id, UnionChannels.Parse(request.Channel), request.Accepts, ct);
            return TypedResults.NoContent();
        }).WithName("ChooseUnionBroadcasts");
        unions.MapGet("/{id:long}/broadcasts", async (long id, ClaimsPrincipal user, BroadcastService service, CancellationToken ct) =>
            TypedResults.Ok(await service.ListAsync(user.RequireViewer(), id, ct))).WithName("ListUnionBroadcasts");
        unions.MapPost("/{id:long}/broadcasts", async (long id, BroadcastRequest request, ClaimsPrincipal user, BroadcastService service, CancellationToken ct) =>
        {
            var sent = await service.SendAsync(user.RequireViewer(), id, new NewBroadcast(request.Title, request.Body, request.Audience), ct);
            return TypedResults.Created($"/api/v1/unions/broadcasts/{sent}", new CreatedId(sent));
        }).WithName("SendUnionBroadcast");
        unions.MapGet("/broadcasts/{id:long}", async (long id, ClaimsPrincipal user, BroadcastService service, CancellationToken ct) =>
            TypedResults.Ok(await service.GetAsync(user.RequireViewer(), id, ct))).WithName("GetUnionBroadcast");
        unions.MapGet("/{id:long}/reach", async (long id, ClaimsPrincipal user, BroadcastService service, CancellationToken ct) =>
            TypedResults.Ok(await service.ReachAsync(user.RequireViewer(), id, ct))).WithName("GetUnionReach");
        unions.MapPost("/{id:long}/questions", async (long id, QuestionRequest request, ClaimsPrincipal user, UnionQuestionService service, CancellationToken ct) =>
        {
            var asked = await service.AskAsync(user.RequireViewer(), id, request.Body, ct);
            return TypedResults.Created($"/api/v1/unions/questions/{asked}", new CreatedId(asked));
        }).WithName("AskUnion");
        unions.MapGet("/{id:long}/questions", async (long id, ClaimsPrincipal user, UnionQuestionService service, CancellationToken ct) =>
            TypedResults.Ok(await service.ListAsync(user.RequireViewer(), id, ct))).WithName("ListUnionQuestions");
        unions.MapGet("/questions/{id:long}", async (long id, ClaimsPrincipal user, UnionQuestionService service, CancellationToken ct) =>
            TypedResults.Ok(await service.GetAsync(user.RequireViewer(), id, ct))).WithName("GetUnionQuestion");
        unions.MapPost("/questions/{id:long}/replies", async (long id, QuestionRequest request, ClaimsPrincipal user, UnionQuestionService service, CancellationToken ct) =>
        {
            await service.ReplyAsync(user.RequireViewer(), id, request.Body, ct);
            return TypedResults.NoContent();
        }).WithName("ReplyToUnionQuestion");

        unions.MapGet("/{id:long}/takedowns", async (long id, ClaimsPrincipal user, TakedownService service, CancellationToken ct) =>
            TypedResults.Ok(await service.ListAsync(user.RequireViewer(), id, ct))).WithName("ListUnionTakedowns");
        unions.MapGet("/takedowns/{id:long}", async (long id, ClaimsPrincipal user, TakedownService service, CancellationToken ct) =>
            TypedResults.Ok(await service.GetAsync(user.RequireViewer(), id, ct))).WithName("GetUnionTakedown");
        unions.MapPost("/takedowns/{id:long}/contest", async (long id, ContestRequest request, ClaimsPrincipal user, TakedownService service, CancellationToken ct) =>
        {
            await service.ContestAsync(user.RequireViewer(), id, request.Text, ct);
            return TypedResults.NoContent();
        }).WithName("ContestUnionTakedown");

        var admin = api.MapGroup("/admin").WithTags("Administration");
        admin.MapPost("/union-takedowns", async (TakedownRequest request, ClaimsPrincipal user, TakedownService service, CancellationToken ct) =>
        {
            var id = await service.TakeDownAsync(user.RequireViewer(), request.PostId ?? 0, request.Reason, request.LegalBasis, ct);
            return TypedResults.Created($"/api/v1/unions/takedowns/{id}", new CreatedId(id));
        }).WithName("TakeDownUnionContent");
        admin.MapPost("/unions", async (UnionRequest request, ClaimsPrincipal user, UnionService service, CancellationToken ct) =>
        {
            var id = await service.RecordAsync(user.RequireViewer(), new NewUnion(request.Name, request.DelegateIds, request.LogoFileId), ct);
            return TypedResults.Created($"/api/v1/unions/{id}", new CreatedId(id));
        }).WithName("RecordUnion");
        admin.MapPut("/unions/{id:long}/delegates", async (long id, DelegatesRequest request, ClaimsPrincipal user, UnionService service, CancellationToken ct) =>
        {
            await service.SetDelegatesAsync(user.RequireViewer(), id, request.DelegateIds, ct);
            return TypedResults.NoContent();
        }).WithName("SetUnionDelegates");
        admin.MapPost("/union-agreements", async (AgreementRequest request, ClaimsPrincipal user, AgreementService service, CancellationToken ct) =>
        {
            var id = await service.RecordAsync(user.RequireViewer(), request, ct);
            return TypedResults.Created("/api/v1/unions/agreement", new CreatedId(id));
        }).WithName("RecordUnionAgreement");
        return api;
    }

    private static async Task<Results<Ok<AgreementView>, NoContent>> AgreementAsync(AgreementService service, CancellationToken ct) =>
        await service.CurrentAsync(ct) is { } agreement ? TypedResults.Ok(agreement) : TypedResults.NoContent();
}

/// <summary>Accepts or refuses one channel of a union: "broadcasts" (the default) or "polls".</summary>
public sealed record BroadcastChoiceRequest(bool Accepts, string? Channel = null);

/// <summary>A broadcast; the audience (site, department, category, topic) narrows whom it is pushed to, none is everyone who consents.</summary>
public sealed record BroadcastRequest([property: MaxLength(DialogueLimits.BroadcastTitleMaxLength)] string? Title, [property: MaxLength(DialogueLimits.BroadcastBodyMaxLength)] string? Body, Ruche.Core.Targeting.Audience? Audience = null);

public sealed record QuestionRequest([property: MaxLength(DialogueLimits.QuestionMaxLength)] string? Body);

public sealed record UnionRequest([property: MaxLength(DialogueLimits.UnionNameMaxLength)] string? Name, [property: MaxLength(DialogueLimits.DelegatesMax)] IReadOnlyList<long>? DelegateIds, Guid? LogoFileId);

public sealed record DelegatesRequest([property: MaxLength(DialogueLimits.DelegatesMax)] IReadOnlyList<long>? DelegateIds);

public sealed record CreatedId(long Id);

public sealed record TakedownRequest(long? PostId, [property: StringLength(DialogueLimits.TakedownTextMaxLength, MinimumLength = 1)] string? Reason, [property: StringLength(DialogueLimits.TakedownTextMaxLength, MinimumLength = 1)] string? LegalBasis);

public sealed record ContestRequest([property: MaxLength(DialogueLimits.TakedownTextMaxLength)] string? Text);
