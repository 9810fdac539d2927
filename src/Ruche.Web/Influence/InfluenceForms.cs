using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Ruche.Core.Influence;
using Ruche.Web.Auth;
using Ruche.Web.Hosting;

namespace Ruche.Web.Influence;

/// <summary>The HTML forms: the person's two choices, and an administrator's "compute now".</summary>
public static class InfluenceForms
{
    public static IEndpointRouteBuilder MapInfluenceForms(this IEndpointRouteBuilder app)
    {
        var ui = app.MapGroup("/ui/influence").ExcludeFromDescription();
        ui.MapPost("/preferences", ([FromForm] InfluencePreferencesForm form, ClaimsPrincipal user, InfluencePreferences preferences, HttpContext http) =>
            FormResults.RunAsync(http, "/me/influence", async () =>
            {
                await preferences.SetAsync(user.RequireViewer(), form.Recognised == "on", form.LeftGraph == "on", http.RequestAborted);
                return null;
            }));
        ui.MapPost("/compute", ([FromForm] ReturnForm form, ClaimsPrincipal user, InfluenceComputation computation, HttpContext http) =>
            FormResults.RunAsync(http, "/hr/network", async () =>
            {
                await computation.RequestAsync(user.RequireViewer(), http.RequestAborted);
                return null;
            }));
        return app;
    }
}

/// <summary>Fields of the choices form (checkboxes send "on" when ticked, nothing otherwise).</summary>
public sealed record InfluencePreferencesForm
{
    public string? Recognised { get; init; }

    public string? LeftGraph { get; init; }
}
