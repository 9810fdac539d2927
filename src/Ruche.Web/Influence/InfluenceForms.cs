using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Ruche.Core.Common;
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
            FormResults.RunAsync(http, form.ReturnUrl ?? "/me/influence", async () =>
            {
                // Both boxes are on the form: a box left unticked is a "no"; anything but a tick is refused, nothing changed.
                await preferences.SetAsync(user.RequireViewer(), Ticked(form.Recognised), Ticked(form.LeftGraph), http.RequestAborted);
                return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(FormResults.Safe(form.ReturnUrl ?? "/me/influence"), "saved", "influence");
            }));
        ui.MapPost("/compute", ([FromForm] ReturnForm form, ClaimsPrincipal user, InfluenceComputation computation, HttpContext http) =>
            FormResults.RunAsync(http, "/hr/network", async () =>
            {
                await computation.RequestAsync(user.RequireViewer(), http.RequestAborted);
                return null;
            }));
        return app;
    }

    private static bool Ticked(string? box) => box switch
    {
        null or "" => false,
        "on" => true,
        _ => throw RucheException.Invalid("influence.choice-invalid", "A choice is a ticked box (on) or an unticked one."),
    };
}

/// <summary>Fields of the choices form (checkboxes send "on" when ticked, nothing otherwise).</summary>
public sealed record InfluencePreferencesForm
{
    public string? Recognised { get; init; }

    public string? LeftGraph { get; init; }

    /// <summary>Where to go back to (the influence page, or the settings).</summary>
    public string? ReturnUrl { get; init; }
}
