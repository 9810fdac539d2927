using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Ruche.Core.Communication;
using Ruche.Core.Targeting;
using Ruche.Web.Auth;
using Ruche.Web.Dialogue;

namespace Ruche.Web.Communication;

/// <summary>
/// Targeted company messages: HR and the *community manager social* send and read their reach (counts of at least k,
/// never a reader); every employee reads what was delivered to them and refuses non-essential categories.
/// </summary>
public static class CommunicationApi
{
    public static RouteGroupBuilder MapCommunicationApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/communication").WithTags("Communication");
        group.MapPost("/messages", async (MessageRequest request, ClaimsPrincipal user, CommunicationService service, CancellationToken ct) =>
        {
            var id = await service.SendAsync(user.RequireViewer(), new NewMessage(request.Title, request.Body, request.Category, request.Audience), ct);
            return TypedResults.Created($"/api/v1/communication/messages/{id}", new CreatedId(id));
        }).WithName("SendCompanyMessage");
        group.MapGet("/messages/sent", async (ClaimsPrincipal user, MessageReachService service, CancellationToken ct) =>
            TypedResults.Ok(await service.SentAsync(user.RequireViewer(), ct))).WithName("ListSentCompanyMessages");
        group.MapGet("/messages/{id:long}", async (long id, ClaimsPrincipal user, MessageReading service, CancellationToken ct) =>
            TypedResults.Ok(await service.OpenAsync(user.RequireViewer(), id, ct))).WithName("ReadCompanyMessage");
        group.MapGet("/messages/{id:long}/reach", async (long id, ClaimsPrincipal user, MessageReachService service, CancellationToken ct) =>
            TypedResults.Ok(await service.ReachAsync(user.RequireViewer(), id, ct))).WithName("GetCompanyMessageReach");
        group.MapGet("/inbox", async (ClaimsPrincipal user, MessageReading service, CancellationToken ct) =>
            TypedResults.Ok(await service.InboxAsync(user.RequireViewer(), ct))).WithName("ListMyCompanyMessages");
        group.MapGet("/opt-outs", async (ClaimsPrincipal user, MessageOptOuts service, CancellationToken ct) =>
            TypedResults.Ok(await service.ListAsync(user.RequireViewer(), ct))).WithName("ListCompanyMessageRefusals");
        group.MapPut("/opt-outs/{category}", async (string category, OptOutRequest request, ClaimsPrincipal user, MessageOptOuts service, CancellationToken ct) =>
        {
            await service.SetAsync(user.RequireViewer(), category, request.Refuses, ct);
            return TypedResults.NoContent();
        }).WithName("SetCompanyMessageRefusal");
        return api;
    }
}

/// <summary>A message: category "essential", "company-news" or "life-at-work"; no audience is everyone.</summary>
public sealed record MessageRequest([property: MaxLength(CommunicationLimits.TitleMaxLength)] string? Title, [property: MaxLength(CommunicationLimits.BodyMaxLength)] string? Body, string? Category, Audience? Audience = null);

public sealed record OptOutRequest(bool Refuses);
