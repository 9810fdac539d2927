using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Ruche.Core.Access;
using Ruche.Core.Audit;
using Ruche.Core.People;
using Ruche.Web.Hosting;
using Ruche.Web.Pwa;

namespace Ruche.Web.Auth;

/// <summary>Sign-in, sign-out and account creation from the HTML pages.</summary>
public static class AccountForms
{
    public static IEndpointRouteBuilder MapAccountForms(this IEndpointRouteBuilder app)
    {
        app.MapPost("/ui/login", SignInAsync).AllowAnonymous().RequireRateLimiting(RateLimits.SignInPolicy).ExcludeFromDescription();
        app.MapPost("/ui/login/two-factor", SecondFactorAsync).AllowAnonymous().RequireRateLimiting(RateLimits.SignInPolicy).ExcludeFromDescription();
        app.MapPost("/ui/logout", SignOutAsync).ExcludeFromDescription();
        app.MapPost("/ui/register", RegisterAsync).AllowAnonymous().RequireRateLimiting(RateLimits.SignInPolicy).ExcludeFromDescription();
        app.MapPost("/ui/invitation", AcceptInvitationAsync).AllowAnonymous().RequireRateLimiting(RateLimits.SignInPolicy).ExcludeFromDescription();
        app.MapPost("/ui/language", ChooseLanguageAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>Remembers the person's language for the next requests (the culture cookie).</summary>
    public static void RememberLanguage(HttpContext http, string language) =>
        http.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(language)),
            new CookieOptions { Expires = DateTimeOffset.MaxValue, IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });

    private static async Task<IResult> SignInAsync(
        [FromForm] SignInForm form, SignInManager<Person> signIn, UserManager<Person> users, PasswordDecoy decoy, AuditLog audit, Microsoft.Extensions.Options.IOptions<SsoOptions> sso, HttpContext http)
    {
        var returnUrl = FormResults.Safe(form.ReturnUrl);
        if (sso.Value.DisableLocalPasswords)
        {
            return Failed("auth.passwords-disabled");
        }

        var person = string.IsNullOrWhiteSpace(form.Email) ? null : await users.FindByEmailAsync(form.Email.Trim());
        if (person is null || !person.IsActive)
        {
            decoy.Spend(form.Password);
            await audit.RecordAsync(null, "auth.sign-in-failed", null, new { channel = "web" }, http.RequestAborted);
            return Failed("auth.invalid-credentials");
        }

        var result = await signIn.PasswordSignInAsync(person, form.Password ?? string.Empty, isPersistent: form.Remember == true, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            // Said like a wrong password, as the API does (PasswordDecoy).
            decoy.Spend(form.Password);
            await audit.RecordAsync(null, "auth.locked-out", $"person:{person.Id}", new { channel = "web" }, http.RequestAborted);
            return Failed("auth.invalid-credentials");
        }

        if (result.RequiresTwoFactor)
        {
            return Results.LocalRedirect(QueryHelpers.AddQueryString("/login/two-factor", "returnUrl", returnUrl));
        }

        if (!result.Succeeded)
        {
            await audit.RecordAsync(null, "auth.sign-in-failed", $"person:{person.Id}", new { channel = "web" }, http.RequestAborted);
            return Failed("auth.invalid-credentials");
        }

        await audit.RecordAsync(person.Id, "auth.sign-in", $"person:{person.Id}", new { channel = "web" }, http.RequestAborted);
        RememberLanguage(http, person.Language);
        return Results.LocalRedirect(returnUrl);

        IResult Failed(string code) =>
            Results.LocalRedirect(QueryHelpers.AddQueryString("/login", new Dictionary<string, string?> { ["error"] = code, ["returnUrl"] = returnUrl }));
    }

    /// <summary>The second step of signing in: an authenticator code, or else one of the recovery codes.</summary>
    private static async Task<IResult> SecondFactorAsync([FromForm] SecondFactorForm form, SignInManager<Person> signIn, AuditLog audit, HttpContext http)
    {
        var returnUrl = FormResults.Safe(form.ReturnUrl);
        var person = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (person is null)
        {
            return Results.LocalRedirect(QueryHelpers.AddQueryString("/login", new Dictionary<string, string?> { ["error"] = "auth.two-factor-expired", ["returnUrl"] = returnUrl }));
        }

        var code = (form.Code ?? string.Empty).Trim();
        var authenticatorCode = code.Replace(" ", string.Empty, StringComparison.Ordinal);
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(authenticatorCode, isPersistent: false, rememberClient: form.RememberDevice == true);
        if (!result.Succeeded && !result.IsLockedOut && code.Length > 0)
        {
            result = await signIn.TwoFactorRecoveryCodeSignInAsync(code);
        }

        if (result.Succeeded)
        {
            await audit.RecordAsync(person.Id, "auth.sign-in", $"person:{person.Id}", new { channel = "web", factor = "second" }, http.RequestAborted);
            RememberLanguage(http, person.Language);
            return Results.LocalRedirect(returnUrl);
        }

        await audit.RecordAsync(null, "auth.sign-in-failed", $"person:{person.Id}", new { channel = "web", factor = "second" }, http.RequestAborted);

        var error = result.IsLockedOut ? "auth.locked-out" : "two-factor.code-invalid";
        return Results.LocalRedirect(QueryHelpers.AddQueryString("/login/two-factor", new Dictionary<string, string?> { ["error"] = error, ["returnUrl"] = returnUrl }));
    }

    private static async Task<IResult> SignOutAsync([FromForm] ReturnForm form, SignInManager<Person> signIn, HttpContext http)
    {
        await signIn.SignOutAsync();
        http.Response.ClearSiteDataOnSignOut();
        return Results.LocalRedirect("/login");
    }

    private static Task<IResult> RegisterAsync([FromForm] AccountForm form, AccountService accounts, SignInManager<Person> signIn, HttpContext http) =>
        FormResults.RunAsync(http, "/register", async () =>
        {
            var person = await accounts.RegisterAsync(new NewAccount(form.Email, form.DisplayName, form.Password, form.TimeZone), http.RequestAborted);
            await signIn.SignInAsync(person, isPersistent: false);
            RememberLanguage(http, person.Language);
            return Onboarding.OnboardingForms.Path;
        });

    private static Task<IResult> AcceptInvitationAsync([FromForm] AccountForm form, AccountService accounts, SignInManager<Person> signIn, HttpContext http) =>
        FormResults.RunAsync(http, "/invitation/" + Uri.EscapeDataString(form.Token ?? string.Empty), async () =>
        {
            var person = await accounts.AcceptInvitationAsync(form.Token, new NewAccount(null, form.DisplayName, form.Password, form.TimeZone), http.RequestAborted);
            await signIn.SignInAsync(person, isPersistent: false);
            RememberLanguage(http, person.Language);
            return Onboarding.OnboardingForms.Path;
        });

    /// <summary>Switches the language before sign-in (the login page's choice); signed-in people choose in settings.</summary>
    private static IResult ChooseLanguageAsync([FromForm] LanguageForm form, HttpContext http)
    {
        RememberLanguage(http, form.Language == "en" ? "en" : "fr");
        return Results.LocalRedirect(FormResults.Safe(form.ReturnUrl));
    }
}

/// <summary>Fields of an HTML form; a field the browser leaves out (an unticked box) binds as its default.</summary>
public sealed record SecondFactorForm
{
    public string? Code { get; init; }

    public bool? RememberDevice { get; init; }

    public string? ReturnUrl { get; init; }
}

/// <summary>Fields of an HTML form; a field the browser leaves out (an unticked box) binds as its default.</summary>
public sealed record SignInForm
{
    public string? Email { get; init; }

    public string? Password { get; init; }

    public bool? Remember { get; init; }

    public string? ReturnUrl { get; init; }
}

/// <summary>Fields of an HTML form; a field the browser leaves out (an unticked box) binds as its default.</summary>
public sealed record AccountForm
{
    public string? Email { get; init; }

    public string? DisplayName { get; init; }

    public string? Password { get; init; }

    public string? TimeZone { get; init; }

    public string? Token { get; init; }
}

/// <summary>Fields of an HTML form; a field the browser leaves out (an unticked box) binds as its default.</summary>
public sealed record ReturnForm
{
    public string? ReturnUrl { get; init; }
}

/// <summary>Fields of an HTML form; a field the browser leaves out (an unticked box) binds as its default.</summary>
public sealed record LanguageForm
{
    public string? Language { get; init; }

    public string? ReturnUrl { get; init; }
}
