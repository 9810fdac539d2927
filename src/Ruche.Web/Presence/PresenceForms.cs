using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Ruche.Core.People;
using Ruche.Core.Presence;
using Ruche.Web.Auth;
using Ruche.Web.Hosting;

namespace Ruche.Web.Presence;

/// <summary>The HTML forms of the working-from status.</summary>
public static class PresenceForms
{
    public static IEndpointRouteBuilder MapPresenceForms(this IEndpointRouteBuilder app)
    {
        var ui = app.MapGroup("/ui/presence").ExcludeFromDescription();
        ui.MapPost("/", ([FromForm] PresenceForm form, ClaimsPrincipal user, PresenceService presence, HttpContext http) =>
            FormResults.RunAsync(http, form.ReturnUrl, async () => { await presence.SetAsync(user.RequireViewer(), form.Mode, form.Note, http.RequestAborted); return null; }));
        ui.MapPost("/clear", ([FromForm] Auth.ReturnForm form, ClaimsPrincipal user, PresenceService presence, HttpContext http) =>
            FormResults.RunAsync(http, form.ReturnUrl, async () => { await presence.ClearAsync(user.RequireViewer(), http.RequestAborted); return null; }));
        return app;
    }
}

/// <summary>Fields of an HTML form.</summary>
public sealed record PresenceForm
{
    public WorkingFrom Mode { get; init; }

    public string? Note { get; init; }

    public string? ReturnUrl { get; init; }
}
