using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.Reporting;
using Ruche.Web.Auth;
using Ruche.Web.Hosting;

namespace Ruche.Web.Reporting;

/// <summary>
/// The channel's HTML forms. The public ones (<c>/ui/report…</c>) answer with a page rather than a redirect, since a
/// receipt or a case must never travel in an address; they read no sign-in and store no address. The referents' ones
/// redirect back to the case.
/// </summary>
public static class ReportingForms
{
    public static IEndpointRouteBuilder MapReportingForms(this IEndpointRouteBuilder app)
    {
        var ui = app.MapGroup("/ui").ExcludeFromDescription();
        ui.MapPost("/report", SubmitAsync).AllowAnonymous();
        ui.MapPost("/report/follow", FollowAsync).AllowAnonymous();
        ui.MapPost("/report/follow/message", WriteAsReporterAsync).AllowAnonymous();
        ui.MapPost("/reporting/new", SubmitNamedAsync);
        ui.MapPost("/reporting/cases/{id:long}/messages", (long id, HttpContext http, [FromForm] CaseMessageForm form, ClaimsPrincipal user, ReferentDesk desk) =>
            FormResults.RunAsync(http, $"/reporting/cases/{id}", async () =>
            {
                await desk.WriteAsync(user.RequireViewer(), id, form.Text, http.RequestAborted);
                return $"/reporting/cases/{id}?saved=message";
            }));
        ui.MapPost("/reporting/cases/{id:long}/status", (long id, HttpContext http, [FromForm] CaseStatusForm form, ClaimsPrincipal user, ReferentDesk desk) =>
            FormResults.RunAsync(http, $"/reporting/cases/{id}", async () =>
            {
                await desk.ChangeStatusAsync(user.RequireViewer(), id, form.Status, form.Outcome, http.RequestAborted);
                return $"/reporting/cases/{id}?saved=status";
            }));
        return app;
    }

    private static async Task<IResult> SubmitAsync(HttpContext http, [FromForm] ReportFields form, ReportingIntake intake)
    {
        PublicChannel.NoStore(http);
        try
        {
            var receipt = await intake.SubmitAsync(form.ToSubmission(), null, http.RequestAborted);
            return FormResults.Page<ReceiptPage>(new { receipt.Code, receipt.Secret });
        }
        catch (RucheException refused)
        {
            return FormResults.Page<ReportPage>(form.Typed(), Problems.StatusOf(refused.Kind), refused.Code);
        }
    }

    private static async Task<IResult> SubmitNamedAsync(HttpContext http, [FromForm] ReportFields form, ClaimsPrincipal user, RucheDbContext db, ReportingIntake intake)
    {
        PublicChannel.NoStore(http);
        var viewer = user.RequireViewer();
        var account = await db.People.Where(p => p.Id == viewer.PersonId)
            .Select(p => new ReporterAccount(p.Id, p.DisplayName, p.Email)).SingleAsync(http.RequestAborted);
        try
        {
            var receipt = await intake.SubmitAsync(form.ToSubmission() with { Named = true }, account, http.RequestAborted);
            return FormResults.Page<ReceiptPage>(new { receipt.Code, receipt.Secret });
        }
        catch (RucheException refused)
        {
            return FormResults.Page<NamedReportPage>(form.Typed(), Problems.StatusOf(refused.Kind), refused.Code);
        }
    }

    private static async Task<IResult> FollowAsync(HttpContext http, [FromForm] FollowForm form, ReportingIntake intake, FollowAttempts attempts)
    {
        PublicChannel.NoStore(http);
        if (!attempts.TryAttempt(form.Code))
        {
            return FormResults.Page<FollowPage>(new { form.Code }, StatusCodes.Status429TooManyRequests, "reporting.follow-wait");
        }

        try
        {
            var followed = await intake.FollowAsync(form.Code, form.Secret, http.RequestAborted);
            return FormResults.Page<FollowCasePage>(new { Case = followed, Secret = form.Secret ?? string.Empty });
        }
        catch (RucheException refused)
        {
            return FormResults.Page<FollowPage>(new { form.Code }, Problems.StatusOf(refused.Kind), refused.Code);
        }
    }

    private static async Task<IResult> WriteAsReporterAsync(HttpContext http, [FromForm] FollowMessageForm form, ReportingIntake intake, FollowAttempts attempts)
    {
        PublicChannel.NoStore(http);
        if (!attempts.TryAttempt(form.Code))
        {
            return FormResults.Page<FollowPage>(new { form.Code }, StatusCodes.Status429TooManyRequests, "reporting.follow-wait");
        }

        ReporterCaseView followed;
        try
        {
            followed = await intake.FollowAsync(form.Code, form.Secret, http.RequestAborted);
        }
        catch (RucheException refused)
        {
            return FormResults.Page<FollowPage>(new { form.Code }, Problems.StatusOf(refused.Kind), refused.Code);
        }

        try
        {
            await intake.WriteAsync(form.Code, form.Secret, form.Text, http.RequestAborted);
            followed = await intake.FollowAsync(form.Code, form.Secret, http.RequestAborted);
            return FormResults.Page<FollowCasePage>(new { Case = followed, Secret = form.Secret ?? string.Empty, Sent = true });
        }
        catch (RucheException refused)
        {
            return FormResults.Page<FollowCasePage>(new { Case = followed, Secret = form.Secret ?? string.Empty, Typed = form.Text }, Problems.StatusOf(refused.Kind), refused.Code);
        }
    }
}

/// <summary>Fields of the report form; a field the browser leaves out binds as its default.</summary>
public sealed record ReportFields
{
    public string? Text { get; init; }

    public string? Topic { get; init; }

    public string? Concerned { get; init; }

    /// <summary>"named" for a confidential report; anything else is anonymous.</summary>
    public string? Identity { get; init; }

    public string? Name { get; init; }

    public string? Contact { get; init; }

    public CaseSubmission ToSubmission() => new(Text, Topic, Concerned, Identity == "named", Name, Contact);

    /// <summary>What the form page takes back to refill itself.</summary>
    public object Typed() => new { Text, Topic, Concerned, Identity, Name, Contact };
}

public sealed record FollowForm
{
    public string? Code { get; init; }

    public string? Secret { get; init; }
}

public sealed record FollowMessageForm
{
    public string? Code { get; init; }

    public string? Secret { get; init; }

    public string? Text { get; init; }
}

public sealed record CaseMessageForm
{
    public string? Text { get; init; }
}

public sealed record CaseStatusForm
{
    public string? Status { get; init; }

    public string? Outcome { get; init; }
}
