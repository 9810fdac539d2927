using System.ComponentModel.DataAnnotations;
using Ruche.Core.Common;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Ruche.Core.People;
using Ruche.Core.Presence;
using Ruche.Web.Auth;

namespace Ruche.Web.Presence;

public static class PresenceApi
{
    public static RouteGroupBuilder MapPresenceApi(this RouteGroupBuilder api)
    {
        var presence = api.MapGroup("/presence").WithTags("Presence");
        presence.MapGet("/", GetAsync).WithName("GetMyPresence")
            .WithDescription("The caller's working-from status for today, or 204 when none is set (it lapses at the end of their local day).");
        presence.MapPut("/", SetAsync).WithName("SetMyPresence")
            .WithDescription("mode: office, home, travelling or off; note: up to 80 characters. Lasts until midnight in the caller's profile time zone.");
        presence.MapDelete("/", ClearAsync).WithName("ClearMyPresence");
        api.MapGet("/spaces/{id:long}/team", TeamAsync).WithTags("Presence").WithName("GetSpaceTeam")
            .WithDescription("The space's members with their local time, working-from status and whether they are within working hours now.");
        return api;
    }

    private static async Task<Results<Ok<PresenceView>, NoContent>> GetAsync(ClaimsPrincipal user, PresenceService service, CancellationToken ct) =>
        await service.GetAsync(user.RequireViewer(), ct) is { } view ? TypedResults.Ok(view) : TypedResults.NoContent();

    private static async Task<Ok<PresenceView>> SetAsync(PresenceRequest request, ClaimsPrincipal user, PresenceService service, CancellationToken ct) =>
        TypedResults.Ok(await service.SetAsync(user.RequireViewer(), request.Mode, request.Note, ct));

    private static async Task<NoContent> ClearAsync(ClaimsPrincipal user, PresenceService service, CancellationToken ct)
    {
        await service.ClearAsync(user.RequireViewer(), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<TeamView>> TeamAsync(long id, ClaimsPrincipal user, TeamPresence team, CancellationToken ct) =>
        TypedResults.Ok(await team.ForSpaceAsync(user.RequireViewer(), id, ct));
}

public sealed record PresenceRequest(WorkingFrom Mode, [property: MaxLength(Limits.PresenceNoteMaxLength)] string? Note);
