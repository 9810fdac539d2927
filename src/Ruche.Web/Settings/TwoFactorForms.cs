using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Ruche.Core.Access;
using Ruche.Core.Common;
using Ruche.Core.People;
using Ruche.Web.Auth;
using Ruche.Web.Hosting;

namespace Ruche.Web.Settings;

/// <summary>Turning two-factor authentication on and off. Secrets and codes are rendered in the response, never in a URL.</summary>
public static class TwoFactorForms
{
    public static IEndpointRouteBuilder MapTwoFactorForms(this IEndpointRouteBuilder app)
    {
        var ui = app.MapGroup("/ui/settings/two-factor").ExcludeFromDescription();
        ui.MapPost("/setup", ([FromForm] ReturnForm form, ClaimsPrincipal user, TwoFactorService twoFactor) =>
            FormResults.RenderAsync<AuthenticatorSetupPage>("/settings/two-factor", async () => new { Setup = await twoFactor.SetupAsync(user.RequireViewer()) }));
        ui.MapPost("/enable", async ([FromForm] CodeForm form, ClaimsPrincipal user, TwoFactorService twoFactor, SignInManager<Person> signIn) =>
        {
            var viewer = user.RequireViewer();
            try
            {
                var codes = await twoFactor.EnableAsync(viewer, form.Code);
                await KeepThisSessionAsync(signIn, user);
                return FormResults.Page<RecoveryCodesPage>(new { Codes = codes });
            }
            catch (RucheException refused)
            {
                // A mistyped code keeps the same key on screen, so the app already set up still works.
                return await twoFactor.PendingSetupAsync(viewer) is { } setup
                    ? FormResults.Page<AuthenticatorSetupPage>(new { Setup = setup, Error = refused.Code })
                    : Results.LocalRedirect(FormResults.WithError("/settings/two-factor", refused.Code));
            }
        });
        ui.MapPost("/disable", ([FromForm] CodeForm form, ClaimsPrincipal user, TwoFactorService twoFactor, SignInManager<Person> signIn, HttpContext http) =>
            FormResults.RunAsync(http, "/settings/two-factor", async () =>
            {
                await twoFactor.DisableAsync(user.RequireViewer(), form.Code);
                await KeepThisSessionAsync(signIn, user);
                return "/settings/two-factor?saved=two-factor";
            }));
        ui.MapPost("/recovery-codes", ([FromForm] CodeForm form, ClaimsPrincipal user, TwoFactorService twoFactor) =>
            FormResults.RenderAsync<RecoveryCodesPage>("/settings/two-factor", async () =>
                new { Codes = await twoFactor.RegenerateRecoveryCodesAsync(user.RequireViewer(), form.Code) }));
        return app;
    }

    /// <summary>
    /// Turning two-factor on or off changes the account's security stamp, which ends its other sessions; the session that
    /// made the change is renewed with the new stamp so the person stays signed in here.
    /// </summary>
    private static async Task KeepThisSessionAsync(SignInManager<Person> signIn, ClaimsPrincipal user)
    {
        if (await signIn.UserManager.GetUserAsync(user) is { } person)
        {
            await signIn.RefreshSignInAsync(person);
        }
    }
}

/// <summary>Fields of an HTML form; a field the browser leaves out binds as its default.</summary>
public sealed record CodeForm
{
    public string? Code { get; init; }
}
