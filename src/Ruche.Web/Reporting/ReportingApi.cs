using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Ruche.Core.Reporting;
using Ruche.Web.Auth;

namespace Ruche.Web.Reporting;

/// <summary>The referents' API: the same services as the pages; anyone else gets 403 (lists) or 404 (a case).</summary>
public static class ReportingApi
{
    public static RouteGroupBuilder MapReportingApi(this RouteGroupBuilder api)
    {
        var reporting = api.MapGroup("/reporting").WithTags("Reporting");
        reporting.MapGet("/cases", async (ClaimsPrincipal user, ReferentDesk desk, CancellationToken ct) =>
            TypedResults.Ok(await desk.DashboardAsync(user.RequireViewer(), ct))).WithName("ListReportingCases");
        reporting.MapGet("/cases/{id:long}", async (long id, ClaimsPrincipal user, ReferentDesk desk, CancellationToken ct) =>
            TypedResults.Ok(await desk.ReadAsync(user.RequireViewer(), id, ct))).WithName("GetReportingCase");
        reporting.MapPost("/cases/{id:long}/messages", WriteAsync).WithName("WriteToReporter");
        reporting.MapPut("/cases/{id:long}/status", ChangeStatusAsync).WithName("ChangeReportingCaseStatus");
        reporting.MapGet("/log", async (ClaimsPrincipal user, ReferentDesk desk, CancellationToken ct) =>
            TypedResults.Ok(await desk.AccessLogAsync(user.RequireViewer(), ct))).WithName("GetReportingAccessLog");
        return api;
    }

    private static async Task<NoContent> WriteAsync(long id, CaseMessageRequest request, ClaimsPrincipal user, ReferentDesk desk, CancellationToken ct)
    {
        await desk.WriteAsync(user.RequireViewer(), id, request.Text, ct);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> ChangeStatusAsync(long id, CaseStatusRequest request, ClaimsPrincipal user, ReferentDesk desk, CancellationToken ct)
    {
        await desk.ChangeStatusAsync(user.RequireViewer(), id, request.Status, request.Outcome, ct);
        return TypedResults.NoContent();
    }
}

public sealed record CaseMessageRequest([property: MaxLength(ReportingInput.MessageMaxLength)] string? Text);

/// <param name="Status">acknowledged, investigating or closed.</param>
/// <param name="Outcome">When closing: substantiated, not-substantiated, out-of-scope or referred-to-authority.</param>
public sealed record CaseStatusRequest(string? Status, string? Outcome);
