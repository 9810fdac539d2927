using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Ruche.Core.Access;
using Ruche.Core.Audit;
using Ruche.Core.Common;
using Ruche.Core.People;
using Ruche.Web.Hosting;

namespace Ruche.Web.Auth;

/// <summary>
/// Passkey ceremonies (wwwroot/js/passkeys.js drives the browser side). The page fetches options as JSON (antiforgery
/// header), the browser's authenticator answers, and the answer goes back in an ordinary form post, so refusals come
/// back as <c>?error=code</c> like every other form. Identity keeps each ceremony's challenge in a protected cookie.
/// </summary>
public static class PasskeyForms
{
    public const string SettingsPage = "/settings/passkeys";

    public static IEndpointRouteBuilder MapPasskeyForms(this IEndpointRouteBuilder app)
    {
        app.MapPost("/ui/login/passkey/options", RequestOptionsAsync).AllowAnonymous().RequireRateLimiting(RateLimits.SignInPolicy).ExcludeFromDescription();
        app.MapPost("/ui/login/passkey", SignInAsync).AllowAnonymous().RequireRateLimiting(RateLimits.SignInPolicy).ExcludeFromDescription();
        app.MapPost("/ui/settings/passkeys", AddAsync).ExcludeFromDescription();

        var settings = app.MapGroup("/ui/settings/passkeys").ExcludeFromDescription();
        settings.MapPost("/options", CreationOptionsAsync);
        settings.MapPost("/{id}/rename", (string id, [FromForm] PasskeyNameForm form, ClaimsPrincipal user, PasskeyService passkeys, HttpContext http) =>
            FormResults.RunAsync(http, SettingsPage, async () =>
            {
                await passkeys.RenameAsync(user.RequireViewer(), id, form.Name);
                return SettingsPage + "?saved=passkey";
            }));
        settings.MapPost("/{id}/remove", (string id, [FromForm] ReturnForm form, ClaimsPrincipal user, PasskeyService passkeys, HttpContext http) =>
            FormResults.RunAsync(http, SettingsPage, async () =>
            {
                await passkeys.RemoveAsync(user.RequireViewer(), id, http.RequestAborted);
                return SettingsPage + "?saved=passkey-removed";
            }));
        return app;
    }

    /// <summary>Options for signing in with any passkey this site knows (discoverable credentials: no e-mail first).</summary>
    private static async Task<IResult> RequestOptionsAsync(SignInManager<Person> signIn, IAntiforgery antiforgery, HttpContext http)
    {
        await RequireAntiforgeryAsync(antiforgery, http);
        return TypedResults.Content(await signIn.MakePasskeyRequestOptionsAsync(user: null), "application/json");
    }

    private static async Task<IResult> CreationOptionsAsync(
        ClaimsPrincipal user, UserManager<Person> users, SignInManager<Person> signIn, PasskeyService passkeys, IAntiforgery antiforgery, HttpContext http)
    {
        await RequireAntiforgeryAsync(antiforgery, http);
        var viewer = user.RequireViewer();
        await passkeys.RequireRoomAsync(viewer, http.RequestAborted);
        var person = await users.FindByIdAsync(viewer.PersonId.ToString(CultureInfo.InvariantCulture))
            ?? throw RucheException.NotFound("person.not-found", "No such person.");
        var options = await signIn.MakePasskeyCreationOptionsAsync(new PasskeyUserEntity
        {
            Id = viewer.PersonId.ToString(CultureInfo.InvariantCulture),
            Name = person.Email ?? person.Handle,
            DisplayName = person.DisplayName,
        });
        return TypedResults.Content(options, "application/json");
    }

    private static Task<IResult> AddAsync([FromForm] PasskeyForm form, ClaimsPrincipal user, SignInManager<Person> signIn, PasskeyService passkeys, HttpContext http) =>
        FormResults.RunAsync(http, SettingsPage, async () =>
        {
            var viewer = user.RequireViewer();
            var credential = RequireCredential(form.Credential);
            PasskeyAttestationResult attestation;
            try
            {
                attestation = await signIn.PerformPasskeyAttestationAsync(credential);
            }
            catch (InvalidOperationException)
            {
                throw Expired();
            }

            // The options were made for whoever was signed in then; a session switched since must not inherit them.
            if (!attestation.Succeeded || attestation.UserEntity.Id != viewer.PersonId.ToString(CultureInfo.InvariantCulture))
            {
                throw RucheException.Invalid("passkey.rejected", attestation.Failure?.Message ?? "The passkey was made for another account.");
            }

            await passkeys.AddAsync(viewer, attestation.Passkey, form.Name, http.RequestAborted);
            return SettingsPage + "?saved=passkey";
        });

    /// <summary>A verified passkey opens a session that counts as two factors (the authenticator checked a PIN or biometrics).</summary>
    private static async Task<IResult> SignInAsync(
        [FromForm] PasskeySignInForm form, SignInManager<Person> signIn, UserManager<Person> users, AuditLog audit, HttpContext http)
    {
        var returnUrl = FormResults.Safe(form.ReturnUrl);
        string credential;
        PasskeyAssertionResult<Person> assertion;
        try
        {
            credential = RequireCredential(form.Credential);
            assertion = await signIn.PerformPasskeyAssertionAsync(credential);
        }
        catch (RucheException refused)
        {
            return Failed(refused.Code);
        }
        catch (InvalidOperationException)
        {
            return Failed(Expired().Code);
        }

        if (!assertion.Succeeded)
        {
            await audit.RecordAsync(null, "auth.sign-in-failed", null, new { channel = "web", factor = "passkey" }, http.RequestAborted);
            return Failed("passkey.rejected");
        }

        var person = assertion.User;
        if (!person.IsActive || !await signIn.CanSignInAsync(person))
        {
            await audit.RecordAsync(null, "auth.sign-in-failed", $"person:{person.Id}", new { channel = "web", factor = "passkey" }, http.RequestAborted);
            return Failed("auth.invalid-credentials");
        }

        if (await users.IsLockedOutAsync(person))
        {
            return Failed("auth.locked-out");
        }

        // The sign count and flags changed: keep them, so a cloned authenticator replaying an old count is noticed.
        await users.AddOrUpdatePasskeyAsync(person, assertion.Passkey);
        await signIn.SignInWithClaimsAsync(person, isPersistent: false, Passkeys.SignInClaims());
        await audit.RecordAsync(person.Id, "auth.sign-in", $"person:{person.Id}", new { channel = "web", factor = "passkey" }, http.RequestAborted);
        AccountForms.RememberLanguage(http, person.Language);
        return Results.LocalRedirect(returnUrl);

        IResult Failed(string code) =>
            Results.LocalRedirect(QueryHelpers.AddQueryString("/login", new Dictionary<string, string?> { ["error"] = code, ["returnUrl"] = returnUrl }));
    }

    /// <summary>
    /// The options requests carry the page's antiforgery token in the RequestVerificationToken header (they have no
    /// form body, which is what the antiforgery middleware checks): each sets a ceremony cookie, so no other site may.
    /// </summary>
    private static async Task RequireAntiforgeryAsync(IAntiforgery antiforgery, HttpContext http)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            throw new BadHttpRequestException("The antiforgery token is missing or invalid.", StatusCodes.Status400BadRequest);
        }
    }

    private static string RequireCredential(string? credential) =>
        string.IsNullOrEmpty(credential) || credential.Length > Limits.PasskeyCredentialMaxLength
            ? throw RucheException.Invalid("passkey.rejected", "No passkey answer was sent.")
            : credential;

    private static RucheException Expired() =>
        RucheException.Invalid("passkey.expired", "The passkey request expired or was never made; try again.");
}

/// <summary>Fields of an HTML form; a field the browser leaves out binds as its default.</summary>
public sealed record PasskeyForm
{
    public string? Credential { get; init; }

    public string? Name { get; init; }
}

/// <summary>Fields of an HTML form; a field the browser leaves out binds as its default.</summary>
public sealed record PasskeyNameForm
{
    public string? Name { get; init; }
}

/// <summary>Fields of an HTML form; a field the browser leaves out binds as its default.</summary>
public sealed record PasskeySignInForm
{
    public string? Credential { get; init; }

    public string? ReturnUrl { get; init; }
}
