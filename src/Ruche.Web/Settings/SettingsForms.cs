using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Ruche.Core.Access;
using Ruche.Core.People;
using Ruche.Core.Profiles;
using Ruche.Core.Push;
using Ruche.Web.Auth;
using Ruche.Web.Hosting;
using Ruche.Web.Pwa;

namespace Ruche.Web.Settings;

/// <summary>A person's own settings: language, password and personal access tokens.</summary>
public static class SettingsForms
{
    public static IEndpointRouteBuilder MapSettingsForms(this IEndpointRouteBuilder app)
    {
        var ui = app.MapGroup("/ui/settings").ExcludeFromDescription();
        ui.MapPost("/language", LanguageAsync);
        ui.MapPost("/password", PasswordAsync);
        ui.MapPost("/tokens", CreateTokenAsync);
        ui.MapPost("/sign-out-everywhere", SignOutEverywhereAsync);
        ui.MapPost("/tokens/{id:long}/revoke", (long id, [FromForm] ReturnForm form, ClaimsPrincipal user, AccessTokenService tokens, HttpContext http) =>
            FormResults.RunAsync(http, "/settings", async () => { await tokens.RevokeAsync(user.RequireViewer(), id, http.RequestAborted); return null; }));
        return app;
    }

    private static Task<IResult> LanguageAsync([FromForm] LanguageForm form, ClaimsPrincipal user, ProfileService profiles, HttpContext http) =>
        FormResults.RunAsync(http, "/settings", async () =>
        {
            var language = form.Language ?? string.Empty;
            await profiles.SetLanguageAsync(user.RequireViewer(), language, http.RequestAborted);
            AccountForms.RememberLanguage(http, language);
            return "/settings";
        });

    private static Task<IResult> PasswordAsync([FromForm] PasswordForm form, ClaimsPrincipal user, UserManager<Person> users, SignInManager<Person> signIn, HttpContext http) =>
        FormResults.RunAsync(http, "/settings", async () =>
        {
            var person = await users.GetUserAsync(user) ?? throw Core.Common.RucheException.NotFound("person.not-found", "No such person.");
            var result = await users.ChangePasswordAsync(person, form.Current ?? string.Empty, form.New ?? string.Empty);
            if (!result.Succeeded)
            {
                var code = result.Errors.Any(e => e.Code == "PasswordMismatch") ? "password.wrong-current" : "password.too-weak";
                throw Core.Common.RucheException.Invalid(code, string.Join(" ", result.Errors.Select(e => e.Description)));
            }

            await signIn.RefreshSignInAsync(person);
            return "/settings?saved=password";
        });

    private static Task<IResult> SignOutEverywhereAsync(
        [FromForm] ReturnForm form, ClaimsPrincipal user, AccountService accounts, PushSubscriptionService push, SignInManager<Person> signIn, HttpContext http) =>
        FormResults.RunAsync(http, "/settings", async () =>
        {
            await accounts.SignOutEverywhereAsync(user.RequireViewer(), http.RequestAborted);

            // No device keeps receiving this person's notifications: each must opt in again after signing in.
            await push.RemoveAllAsync(user.RequireViewer().PersonId, http.RequestAborted);
            await signIn.SignOutAsync();
            http.Response.ClearSiteDataOnSignOut();
            return "/login";
        });

    /// <summary>Creates a token and shows its secret once, on the response page itself (never in a URL).</summary>
    private static Task<IResult> CreateTokenAsync([FromForm] TokenForm form, ClaimsPrincipal user, AccessTokenService tokens, HttpContext http) =>
        FormResults.RenderAsync<TokenCreatedPage>("/settings", async () =>
            new { Token = await tokens.CreatePersonalAsync(user.RequireViewer(), form.Name, form.ExpiresInDays, form.Scopes, ceiling: null, http.RequestAborted) });
}

/// <summary>Fields of an HTML form; a field the browser leaves out (an unticked box) binds as its default.</summary>
public sealed record PasswordForm
{
    public string? Current { get; init; }

    public string? New { get; init; }
}

/// <summary>Fields of an HTML form; a field the browser leaves out (an unticked box) binds as its default.</summary>
public sealed record TokenForm
{
    public string? Name { get; init; }

    public int? ExpiresInDays { get; init; }

    /// <summary>The ticked scope boxes; none ticked means the default (read and write).</summary>
    public string[]? Scopes { get; init; }
}
