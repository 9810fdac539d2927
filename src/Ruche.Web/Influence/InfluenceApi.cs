using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Ruche.Core.Influence;
using Ruche.Web.Auth;

namespace Ruche.Web.Influence;

/// <summary>The influence figures through the API, with the same rules as the pages (ADR 24).</summary>
public static class InfluenceApi
{
    public static RouteGroupBuilder MapInfluenceApi(this RouteGroupBuilder api)
    {
        var influence = api.MapGroup("/influence").WithTags("Influence");
        influence.MapGet("/me", MineAsync).WithName("GetMyInfluence")
            .WithDescription("The caller's influence figures of the latest computation (score, rank, reach, topics), when it ran, and their two choices.");
        influence.MapPut("/me/preferences", SetPreferencesAsync).WithName("SetMyInfluencePreferences")
            .WithDescription("recognised: HR and administrators may see my individual figures; leftGraph: I am left out of the graph entirely (my figures are removed at once). A field left out keeps its value.");
        influence.MapGet("/people/{id:long}", PersonAsync).WithName("GetPersonInfluence")
            .WithDescription("A person's figures: the caller's own, or, for HR and administrators, those of a person who chose to be recognised; 404 otherwise.");
        influence.MapGet("/network", NetworkAsync).WithName("GetNetworkHealth")
            .WithDescription("HR and administrators: network health by department, site and working-from (groups under 5 people pooled or left out), voices by topic and figures of recognised people only.");
        influence.MapPost("/runs", ComputeAsync).WithName("ComputeInfluence")
            .WithDescription("Administrators: computes the graph now; 400 influence.busy while another computation runs.");
        return api;
    }

    private static async Task<Ok<MyInfluence>> MineAsync(ClaimsPrincipal user, InfluenceReader reader, CancellationToken ct) =>
        TypedResults.Ok(await reader.MineAsync(user.RequireViewer(), ct));

    private static async Task<Ok<MyInfluence>> SetPreferencesAsync(InfluencePreferencesRequest request, ClaimsPrincipal user, InfluencePreferences preferences, InfluenceReader reader, CancellationToken ct)
    {
        var viewer = user.RequireViewer();
        await preferences.SetAsync(viewer, request.Recognised, request.LeftGraph, ct);
        return TypedResults.Ok(await reader.MineAsync(viewer, ct));
    }

    private static async Task<Ok<PersonFigures>> PersonAsync(long id, ClaimsPrincipal user, InfluenceReader reader, CancellationToken ct) =>
        TypedResults.Ok(await reader.PersonAsync(user.RequireViewer(), id, ct));

    private static async Task<Ok<NetworkHealth>> NetworkAsync(ClaimsPrincipal user, InfluenceReader reader, CancellationToken ct) =>
        TypedResults.Ok(await reader.NetworkAsync(user.RequireViewer(), ct));

    private static async Task<Ok<InfluenceRunInfo>> ComputeAsync(ClaimsPrincipal user, InfluenceComputation computation, InfluenceReader reader, CancellationToken ct)
    {
        await computation.RequestAsync(user.RequireViewer(), ct);
        return TypedResults.Ok((await reader.LatestRunAsync(ct))!);
    }
}

public sealed record InfluencePreferencesRequest(bool? Recognised, bool? LeftGraph);
