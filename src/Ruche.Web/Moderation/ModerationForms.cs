using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Ruche.Core.Moderation;
using Ruche.Web.Auth;
using Ruche.Web.Hosting;

namespace Ruche.Web.Moderation;

/// <summary>The report menu of posts and comments, and the moderators' decision form: the same services as the API.</summary>
public static class ModerationForms
{
    public static IEndpointRouteBuilder MapModerationForms(this IEndpointRouteBuilder app)
    {
        var ui = app.MapGroup("/ui").ExcludeFromDescription();
        ui.MapPost("/posts/{id:long}/report", (long id, HttpContext http, [FromForm] ReportForm form, ClaimsPrincipal user, ReportService reports) =>
            FormResults.RunAsync(http, form.ReturnUrl, async () =>
            {
                await reports.ReportPostAsync(user.RequireViewer(), id, form.Reason, form.Note, http.RequestAborted);
                return Saved(form.ReturnUrl);
            }));
        ui.MapPost("/posts/{id:long}/comments/{commentId:long}/report", (long id, long commentId, HttpContext http, [FromForm] ReportForm form, ClaimsPrincipal user, ReportService reports) =>
            FormResults.RunAsync(http, form.ReturnUrl, async () =>
            {
                await reports.ReportCommentAsync(user.RequireViewer(), id, commentId, form.Reason, form.Note, http.RequestAborted);
                return Saved(form.ReturnUrl);
            }));
        ui.MapPost("/kudos/{id:long}/report", (long id, HttpContext http, [FromForm] ReportForm form, ClaimsPrincipal user, ReportService reports) =>
            FormResults.RunAsync(http, form.ReturnUrl, async () =>
            {
                await reports.ReportKudosAsync(user.RequireViewer(), id, form.Reason, form.Note, http.RequestAborted);
                return Saved(form.ReturnUrl);
            }));
        ui.MapPost("/moderation/decisions", (HttpContext http, [FromForm] DecisionForm form, ClaimsPrincipal user, ModerationService moderation) =>
            FormResults.RunAsync(http, "/moderation", async () =>
            {
                await moderation.DecideAsync(user.RequireViewer(), form.Content, form.ContentId ?? 0, form.Action, form.Reason, http.RequestAborted);
                return "/moderation?saved=decision";
            }));
        ui.MapPost("/moderation/restorations", (HttpContext http, [FromForm] RestoreForm form, ClaimsPrincipal user, ModerationService moderation) =>
            FormResults.RunAsync(http, "/moderation#hidden", async () =>
            {
                await moderation.RestoreAsync(user.RequireViewer(), form.Content, form.ContentId ?? 0, form.Reason, http.RequestAborted);
                return "/moderation?saved=restored#hidden";
            }));
        return app;
    }

    private static string Saved(string? returnUrl) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(FormResults.Safe(returnUrl), "saved", "report");
}

/// <summary>Fields of an HTML form; a field the browser leaves out binds as its default.</summary>
public sealed record ReportForm
{
    public ReportReason? Reason { get; init; }

    public string? Note { get; init; }

    public string? ReturnUrl { get; init; }
}

/// <summary>Fields of an HTML form; a field the browser leaves out binds as its default.</summary>
public sealed record DecisionForm
{
    public ReportedContent? Content { get; init; }

    public long? ContentId { get; init; }

    public ModerationAction? Action { get; init; }

    public string? Reason { get; init; }
}

/// <summary>Fields of an HTML form; a field the browser leaves out binds as its default.</summary>
public sealed record RestoreForm
{
    public ReportedContent? Content { get; init; }

    public long? ContentId { get; init; }

    public string? Reason { get; init; }
}
