using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Ruche.Core.Irritants;
using Ruche.Web.Auth;
using Ruche.Web.Hosting;

namespace Ruche.Web.Irritants;

/// <summary>Irritants: public to everyone, "me too" counted (never listed), handled by HR.</summary>
public static class IrritantsApi
{
    public static RouteGroupBuilder MapIrritantsApi(this RouteGroupBuilder api)
    {
        var irritants = api.MapGroup("/irritants").WithTags("Irritants");
        irritants.MapGet("/", async (string? status, string? category, long? site, string? cursor, int? pageSize, ClaimsPrincipal user, IrritantReader reader, CancellationToken ct) =>
            TypedResults.Ok(PageDto.From(await reader.ListAsync(user.RequireViewer(), status, category, site, cursor, pageSize, ct))))
            .WithName("ListIrritants")
            .WithDescription("Newest first. status: open, acknowledged, in-progress, resolved or wont-fix; category; site (id). meToo is the count from 3, null below.");
        irritants.MapPost("/", ReportAsync).WithName("ReportIrritant")
            .WithDescription("category (equipment, it, premises, comfort, processes, meetings, communication, commute, catering, other), description, siteId and/or departmentId, anonymous (nothing of the reporter is kept).");
        irritants.MapGet("/categories", () => TypedResults.Ok(IrritantCategories.All)).WithName("ListIrritantCategories");
        irritants.MapGet("/places", async (IrritantReader reader, CancellationToken ct) => TypedResults.Ok(await reader.PlacesAsync(ct))).WithName("ListIrritantPlaces");
        irritants.MapGet("/overdue", async (ClaimsPrincipal user, IrritantReader reader, CancellationToken ct) =>
            TypedResults.Ok(await reader.OverdueAsync(user.RequireViewer(), ct))).WithName("ListOverdueIrritants")
            .WithDescription("HR and administrators: irritants not answered within the response target (working days).");
        irritants.MapGet("/trend", async (string? period, string? by, IrritantReader reader, CancellationToken ct) =>
            TypedResults.Ok(await reader.TrendAsync(period, by, ct))).WithName("GetIrritantTrend")
            .WithDescription("period: months (default) or weeks, the last 12; by: category (default) or site.");
        irritants.MapGet("/{id:long}", async (long id, ClaimsPrincipal user, IrritantReader reader, CancellationToken ct) =>
            TypedResults.Ok(await reader.GetAsync(user.RequireViewer(), id, ct))).WithName("GetIrritant");
        irritants.MapPost("/{id:long}/me-too", async (long id, ClaimsPrincipal user, IrritantService service, CancellationToken ct) =>
        {
            await service.MeTooAsync(user.RequireViewer(), id, ct);
            return TypedResults.NoContent();
        }).WithName("SayMeTooToIrritant");
        irritants.MapDelete("/{id:long}/me-too", async (long id, ClaimsPrincipal user, IrritantService service, CancellationToken ct) =>
        {
            await service.WithdrawMeTooAsync(user.RequireViewer(), id, ct);
            return TypedResults.NoContent();
        }).WithName("WithdrawIrritantMeToo");
        irritants.MapPut("/{id:long}/answer", async (long id, IrritantAnswerRequest request, ClaimsPrincipal user, IrritantService service, CancellationToken ct) =>
        {
            await service.AnswerAsync(user.RequireViewer(), id, new IrritantAnswer(request.Status, request.OwnerId, request.Response), ct);
            return TypedResults.NoContent();
        }).WithName("AnswerIrritant").WithDescription("HR and administrators: status, ownerId (optional) and the public response.");
        irritants.MapPost("/{id:long}/move", MoveAsync).WithName("MoveIrritantToReportingChannel")
            .WithDescription("The irritant's named author, or HR: opens a case of the confidential reporting channel with its text and withdraws the irritant. "
                + "topic (corruption, harassment, discrimination, health-safety, environment, other); named (the author only: be named to the referents). "
                + "The author gets the case code and secret, once; HR gets none and the case never names the author.");
        return api;
    }

    private static async Task<Ok<IrritantMovedResponse>> MoveAsync(long id, IrritantMoveRequest request, ClaimsPrincipal user, IrritantHandover handover, HttpContext http, CancellationToken ct)
    {
        var moved = await handover.MoveAsync(user.RequireViewer(), id, new IrritantMove(request.Topic, request.Named ?? false), ct);
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new IrritantMovedResponse(moved.Receipt?.Code, moved.Receipt?.Secret));
    }

    private static async Task<Created<IrritantCreated>> ReportAsync(IrritantRequest request, ClaimsPrincipal user, IrritantService service, CancellationToken ct)
    {
        var id = await service.ReportAsync(
            user.RequireViewer(), new NewIrritant(request.Category, request.Description, request.SiteId, request.DepartmentId, request.Anonymous ?? false), ct);
        return TypedResults.Created($"/api/v1/irritants/{id}", new IrritantCreated(id));
    }
}

public sealed record IrritantRequest(string? Category, [property: MaxLength(IrritantRules.DescriptionMaxLength)] string? Description, long? SiteId, long? DepartmentId, bool? Anonymous);

/// <param name="Status">open, acknowledged, in-progress, resolved or wont-fix.</param>
public sealed record IrritantAnswerRequest(string? Status, long? OwnerId, [property: MaxLength(IrritantRules.ResponseMaxLength)] string? Response);

public sealed record IrritantCreated(long Id);

/// <param name="Topic">corruption, harassment, discrimination, health-safety, environment or other.</param>
/// <param name="Named">The author only: be named to the referents (never without this).</param>
public sealed record IrritantMoveRequest(string? Topic, bool? Named);

/// <summary>The case's code and secret, shown once, when the author moved their own irritant; both null when HR moved it.</summary>
public sealed record IrritantMovedResponse(string? Code, string? Secret);
