using System.ComponentModel.DataAnnotations;
using Ruche.Core.Common;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Ruche.Core.Moderation;
using Ruche.Web.Auth;

namespace Ruche.Web.Moderation;

/// <summary>Reporting a post, a comment or a kudos (anyone who reads it), the moderators' queue and their decisions.</summary>
public static class ModerationApi
{
    public static RouteGroupBuilder MapModerationApi(this RouteGroupBuilder api)
    {
        api.MapPost("/posts/{id:long}/reports", ReportPostAsync).WithTags("Moderation").WithName("ReportPost");
        api.MapPost("/posts/{id:long}/comments/{commentId:long}/reports", ReportCommentAsync).WithTags("Moderation").WithName("ReportComment");
        api.MapPost("/kudos/{id:long}/reports", ReportKudosAsync).WithTags("Moderation").WithName("ReportKudos")
            .WithDescription("Reports a thank-you the caller reads to its moderators (its team space's, or administrators); 404 kudos.not-found otherwise.");

        var moderation = api.MapGroup("/moderation").WithTags("Moderation");
        moderation.MapGet("/reports", async (ClaimsPrincipal user, OpenReports reports, CancellationToken ct) =>
            TypedResults.Ok(await reports.OpenAsync(user.RequireViewer(), ct))).WithName("ListOpenReports");
        moderation.MapPost("/decisions", DecideAsync).WithName("DecideOnReportedContent");
        moderation.MapGet("/hidden", async (ClaimsPrincipal user, HiddenContent hidden, CancellationToken ct) =>
            TypedResults.Ok(await hidden.ListAsync(user.RequireViewer(), ct))).WithName("ListHiddenContent");
        moderation.MapPost("/restorations", RestoreAsync).WithName("RestoreHiddenContent");
        moderation.MapGet("/decisions/{id:long}", async (long id, ClaimsPrincipal user, ModerationService moderation, CancellationToken ct) =>
            TypedResults.Ok(await moderation.DecisionAsync(user.RequireViewer(), id, ct))).WithName("GetModerationDecision");
        return api;
    }

    /// <summary>201 for a new report; 200 with the same report when the caller had already reported this post.</summary>
    private static async Task<Results<Created<ReportReceipt>, Ok<ReportReceipt>>> ReportPostAsync(
        long id, ReportRequest request, ClaimsPrincipal user, ReportService reports, CancellationToken ct) =>
        Answer(await reports.ReportPostAsync(user.RequireViewer(), id, request.Reason, request.Note, ct));

    private static async Task<Results<Created<ReportReceipt>, Ok<ReportReceipt>>> ReportCommentAsync(
        long id, long commentId, ReportRequest request, ClaimsPrincipal user, ReportService reports, CancellationToken ct) =>
        Answer(await reports.ReportCommentAsync(user.RequireViewer(), id, commentId, request.Reason, request.Note, ct));

    private static async Task<Results<Created<ReportReceipt>, Ok<ReportReceipt>>> ReportKudosAsync(
        long id, ReportRequest request, ClaimsPrincipal user, ReportService reports, CancellationToken ct) =>
        Answer(await reports.ReportKudosAsync(user.RequireViewer(), id, request.Reason, request.Note, ct));

    private static Results<Created<ReportReceipt>, Ok<ReportReceipt>> Answer(ReportReceipt receipt) =>
        receipt.Created ? TypedResults.Created((string?)null, receipt) : TypedResults.Ok(receipt);

    private static async Task<Created<DecisionCreated>> DecideAsync(DecisionRequest request, ClaimsPrincipal user, ModerationService moderation, CancellationToken ct)
    {
        var id = await moderation.DecideAsync(user.RequireViewer(), request.Content, request.ContentId ?? 0, request.Action, request.Reason, ct);
        return TypedResults.Created($"/api/v1/moderation/decisions/{id}", new DecisionCreated(id));
    }

    private static async Task<Created<DecisionCreated>> RestoreAsync(RestoreRequest request, ClaimsPrincipal user, ModerationService moderation, CancellationToken ct)
    {
        var id = await moderation.RestoreAsync(user.RequireViewer(), request.Content, request.ContentId ?? 0, request.Reason, ct);
        return TypedResults.Created($"/api/v1/moderation/decisions/{id}", new DecisionCreated(id));
    }
}

/// <param name="Reason">spam, harassment, hate, illegal, confidential or other.</param>
public sealed record ReportRequest(ReportReason? Reason, [property: MaxLength(Limits.ReportNoteMaxLength)] string? Note);

/// <param name="Content">post, comment or kudos.</param>
/// <param name="Action">hide, delete or dismiss.</param>
public sealed record DecisionRequest(ReportedContent? Content, long? ContentId, ModerationAction? Action, [property: MaxLength(Limits.ModerationReasonMaxLength)] string? Reason);

/// <param name="Content">post, comment or kudos, hidden by an earlier decision.</param>
/// <param name="Reason">Why it is shown again; its author is told.</param>
public sealed record RestoreRequest(ReportedContent? Content, long? ContentId, [property: MaxLength(Limits.ModerationReasonMaxLength)] string? Reason);

public sealed record DecisionCreated(long Id);
