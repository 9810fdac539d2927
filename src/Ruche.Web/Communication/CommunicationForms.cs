using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Ruche.Core.Communication;
using Ruche.Web.Auth;
using Ruche.Web.Hosting;
using Ruche.Web.Targeting;

namespace Ruche.Web.Communication;

/// <summary>The HTML forms of targeted communication: the same services as <see cref="CommunicationApi"/>, then back to the page.</summary>
public static class CommunicationForms
{
    public static IEndpointRouteBuilder MapCommunicationForms(this IEndpointRouteBuilder app)
    {
        var ui = app.MapGroup("/ui/communication").ExcludeFromDescription();
        ui.MapPost("/messages", ([FromForm] MessageForm form, ClaimsPrincipal user, CommunicationService service, HttpContext http) =>
            FormResults.RunOrRefillAsync<CommunicationPage>(new { Typed = form }, async () =>
                $"/communication/{await service.SendAsync(user.RequireViewer(), new NewMessage(form.Title, form.Body, form.Category, AudienceForm.Read(form.SiteId, form.DepartmentId, form.JobCategory, form.Topic)), http.RequestAborted)}?sent=1"));
        ui.MapPost("/opt-outs", ([FromForm] OptOutForm form, ClaimsPrincipal user, MessageOptOuts optOuts, HttpContext http) =>
            FormResults.RunAsync(http, form.ReturnUrl, async () => { await optOuts.SetAsync(user.RequireViewer(), form.Category, form.Refuses, http.RequestAborted); return null; }));
        return app;
    }
}

/// <summary>Fields of an HTML form; a field the browser leaves out binds as its default.</summary>
public sealed record MessageForm
{
    public string? Title { get; init; }

    public string? Body { get; init; }

    public string? Category { get; init; }

    public string? SiteId { get; init; }

    public string? DepartmentId { get; init; }

    public string? JobCategory { get; init; }

    public string? Topic { get; init; }
}

/// <summary>Fields of an HTML form; a field the browser leaves out binds as its default.</summary>
public sealed record OptOutForm
{
    public string? Category { get; init; }

    public bool Refuses { get; init; }

    public string? ReturnUrl { get; init; }
}
