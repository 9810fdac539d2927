using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Ruche.Core.Common;
using Ruche.Core.Irritants;
using Ruche.Core.Profiles;
using Ruche.Web.Auth;
using Ruche.Web.Hosting;
using Ruche.Web.Ideas;
using Ruche.Web.Reporting;

namespace Ruche.Web.Irritants;

/// <summary>The HTML forms of irritants; they call the same services as the API.</summary>
public static class IrritantForms
{
    public static IEndpointRouteBuilder MapIrritantForms(this IEndpointRouteBuilder app)
    {
        var ui = app.MapGroup("/ui/irritants").ExcludeFromDescription();
        ui.MapPost("/", ([FromForm] IrritantForm form, ClaimsPrincipal user, IrritantService irritants, HttpContext http) =>
            FormResults.RunOrRefillAsync<IrritantFormPage>(new { Typed = form }, async () =>
            {
                var id = await irritants.ReportAsync(
                    user.RequireViewer(),
                    new NewIrritant(form.Category, form.Description, form.SiteId is > 0 ? form.SiteId : null, form.DepartmentId is > 0 ? form.DepartmentId : null, form.Anonymous),
                    http.RequestAborted);
                return $"/irritants/{id}";
            }));
        ui.MapPost("/{id:long}/me-too", (long id, [FromForm] IrritantReturnForm form, ClaimsPrincipal user, IrritantService irritants, HttpContext http) =>
            FormResults.RunAsync(http, form.ReturnUrl, async () => { await irritants.MeTooAsync(user.RequireViewer(), id, http.RequestAborted); return null; }));
        ui.MapPost("/{id:long}/me-too/withdraw", (long id, [FromForm] IrritantReturnForm form, ClaimsPrincipal user, IrritantService irritants, HttpContext http) =>
            FormResults.RunAsync(http, form.ReturnUrl, async () => { await irritants.WithdrawMeTooAsync(user.RequireViewer(), id, http.RequestAborted); return null; }));
        ui.MapPost("/{id:long}/answer", (long id, [FromForm] IrritantAnswerForm form, ClaimsPrincipal user, IrritantService irritants, ProfileService people, HttpContext http) =>
            FormResults.RunOrRefillAsync<IrritantPage>(new { Id = id, TypedAnswer = form }, async () =>
            {
                var owner = await IdeaForms.PersonAsync(people, form.Owner, "irritant.owner-invalid", http.RequestAborted);
                await irritants.AnswerAsync(user.RequireViewer(), id, new IrritantAnswer(form.Status, owner, form.Response), http.RequestAborted);
                return $"/irritants/{id}?saved=answer";
            }));
        ui.MapPost("/{id:long}/move", async (long id, [FromForm] IrritantMoveForm form, ClaimsPrincipal user, IrritantHandover handover, HttpContext http) =>
        {
            http.Response.Headers.CacheControl = "no-store";
            try
            {
                var moved = await handover.MoveAsync(user.RequireViewer(), id, new IrritantMove(form.Topic, form.Named), http.RequestAborted);
                return moved.Receipt is { } receipt
                    ? FormResults.Page<ReceiptPage>(new { receipt.Code, receipt.Secret })
                    : Results.LocalRedirect("/irritants?saved=moved");
            }
            catch (RucheException refused)
            {
                return Results.LocalRedirect(FormResults.WithError($"/irritants/{id}", refused.Code) + "#move");
            }
        });
        return app;
    }
}

/// <summary>Fields of an HTML form; an unticked box binds as false (not named).</summary>
public sealed record IrritantMoveForm
{
    public string? Topic { get; init; }

    public bool Named { get; init; }
}

/// <summary>Fields of an HTML form; a field the browser leaves out binds as its default (an unticked box: named).</summary>
public sealed record IrritantForm
{
    public string? Category { get; init; }

    public string? Description { get; init; }

    public long? SiteId { get; init; }

    public long? DepartmentId { get; init; }

    public bool Anonymous { get; init; }
}

/// <summary>Fields of an HTML form.</summary>
public sealed record IrritantReturnForm
{
    public string? ReturnUrl { get; init; }
}

/// <summary>Fields of an HTML form.</summary>
public sealed record IrritantAnswerForm
{
    public string? Status { get; init; }

    public string? Owner { get; init; }

    public string? Response { get; init; }
}
