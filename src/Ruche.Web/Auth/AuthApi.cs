using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Ruche.Core.Access;
using Ruche.Core.Common;
using Ruche.Core.People;

namespace Ruche.Web.Auth;

public static class AuthApi
{
    public static RouteGroupBuilder MapAuthApi(this RouteGroupBuilder api)
    {
        api.MapPost("/auth/token", IssueAsync).WithTags("Auth").WithName("IssueToken").AllowAnonymous().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden).RequireRateLimiting(Hosting.RateLimits.SignInPolicy);
        var tokens = api.MapGroup("/me/tokens").WithTags("Auth");
        tokens.MapGet("/", ListAsync).WithName("ListPersonalTokens");
        tokens.MapPost("/", CreateAsync).WithName("CreatePersonalToken");
        tokens.MapDelete("/{id:long}", RevokeAsync).WithName("RevokePersonalToken");
        var twoFactor = api.MapGroup("/me/two-factor").WithTags("Auth");
        twoFactor.MapGet("/", async (ClaimsPrincipal user, TwoFactorService service) => TypedResults.Ok(await service.StatusAsync(user.RequireViewer()))).WithName("GetTwoFactorStatus");
        twoFactor.MapPost("/setup", async (ClaimsPrincipal user, TwoFactorService service) => TypedResults.Ok(await service.SetupAsync(user.RequireViewer()))).WithName("SetUpAuthenticator");
        twoFactor.MapPost("/enable", async (TwoFactorCodeRequest request, ClaimsPrincipal user, TwoFactorService service) =>
            TypedResults.Ok(new RecoveryCodes(await service.EnableAsync(user.RequireViewer(), request.Code)))).WithName("EnableTwoFactor");
        twoFactor.MapPost("/disable", async (TwoFactorCodeRequest request, ClaimsPrincipal user, TwoFactorService service) =>
        {
            await service.DisableAsync(user.RequireViewer(), request.Code);
            return TypedResults.NoContent();
        }).WithName("DisableTwoFactor");
        twoFactor.MapPost("/recovery-codes", async (TwoFactorCodeRequest request, ClaimsPrincipal user, TwoFactorService service) =>
            TypedResults.Ok(new RecoveryCodes(await service.RegenerateRecoveryCodesAsync(user.RequireViewer(), request.Code)))).WithName("RegenerateRecoveryCodes");
        return api;
    }

    /// <summary>Exchanges an e-mail and password for a bearer token (8 hours). Repeated failures lock the account.</summary>
    private static async Task<Results<Ok<IssuedToken>, ProblemHttpResult>> IssueAsync(
        TokenRequest request, UserManager<Person> users, SignInManager<Person> signIn, PasswordDecoy decoy, AccessTokenService tokens, TwoFactorService twoFactor, Core.Audit.AuditLog audit,
        Microsoft.Extensions.Options.IOptions<SsoOptions> sso, IConfiguration configuration, CancellationToken ct)
    {
        if (sso.Value.DisableLocalPasswords)
        {
            // With single sign-on only, scripts use personal access tokens created after signing in.
            return TypedResults.Problem(Hosting.Problems.For(StatusCodes.Status401Unauthorized, "auth.passwords-disabled", "Passwords are turned off: use a personal access token."));
        }

        var person = string.IsNullOrWhiteSpace(request.Email) ? null : await users.FindByEmailAsync(request.Email.Trim());
        if (person is null || !person.IsActive)
        {
            decoy.Spend(request.Password);
            await audit.RecordAsync(null, "auth.sign-in-failed", null, new { channel = "api" }, ct);
            return InvalidCredentials();
        }

        var check = await signIn.CheckPasswordSignInAsync(person, request.Password ?? string.Empty, lockoutOnFailure: true);
        if (check.IsLockedOut)
        {
            // Said like a wrong password: "locked" would tell a stranger the account exists. The audit log says it.
            decoy.Spend(request.Password);
            await audit.RecordAsync(null, "auth.locked-out", $"person:{person.Id}", new { channel = "api" }, ct);
            return InvalidCredentials();
        }

        if (!check.Succeeded)
        {
            await audit.RecordAsync(null, "auth.sign-in-failed", $"person:{person.Id}", new { channel = "api" }, ct);
            return InvalidCredentials();
        }

        // A person the company's policy covers gets no token until they turn two-factor authentication on.
        var mustUseTwoFactor = TwoFactorRequirement.Covers(TwoFactorRequirement.PolicyOf(configuration), await users.GetRolesAsync(person));
        if (mustUseTwoFactor && !await users.GetTwoFactorEnabledAsync(person))
        {
            return TypedResults.Problem(Hosting.Problems.For(StatusCodes.Status403Forbidden, "two-factor.required", "Turn on two-factor authentication in your settings first."));
        }

        // The password alone is not enough for someone who turned on two-factor authentication.
        if (await users.GetTwoFactorEnabledAsync(person))
        {
            if (string.IsNullOrWhiteSpace(request.Code))
            {
                return TypedResults.Problem(Hosting.Problems.For(StatusCodes.Status401Unauthorized, "auth.two-factor-required", "Send the authenticator code (or a recovery code) as \"code\"."));
            }

            if (!await twoFactor.VerifyForSignInAsync(person, request.Code))
            {
                await users.AccessFailedAsync(person);
                await audit.RecordAsync(null, "auth.sign-in-failed", $"person:{person.Id}", new { channel = "api", factor = "second" }, ct);
                return TypedResults.Problem(Hosting.Problems.For(StatusCodes.Status401Unauthorized, "auth.two-factor-invalid", "The authenticator code is wrong or expired."));
            }
        }

        await audit.RecordAsync(person.Id, "auth.sign-in", $"person:{person.Id}", new { channel = "api" }, ct);
        return TypedResults.Ok(await tokens.IssueSignInTokenAsync(person.Id, ct));
    }

    private static ProblemHttpResult InvalidCredentials() =>
        TypedResults.Problem(Hosting.Problems.For(StatusCodes.Status401Unauthorized, "auth.invalid-credentials", "Unknown e-mail or wrong password."));

    private static async Task<Ok<IReadOnlyList<AccessTokenView>>> ListAsync(ClaimsPrincipal user, AccessTokenService tokens, CancellationToken ct) =>
        TypedResults.Ok(await tokens.ListPersonalAsync(user.RequireViewer(), ct));

    private static async Task<Created<IssuedToken>> CreateAsync(PersonalTokenRequest request, ClaimsPrincipal user, AccessTokenService tokens, CancellationToken ct)
    {
        var issued = await tokens.CreatePersonalAsync(user.RequireViewer(), request.Name, request.ExpiresInDays, request.Scopes, TokenScopeHandler.Granted(user), ct);
        return TypedResults.Created($"/api/v1/me/tokens/{issued.Id}", issued);
    }

    private static async Task<NoContent> RevokeAsync(long id, ClaimsPrincipal user, AccessTokenService tokens, CancellationToken ct)
    {
        await tokens.RevokeAsync(user.RequireViewer(), id, ct);
        return TypedResults.NoContent();
    }
}

/// <summary>Credentials for a token; <c>Code</c> is the authenticator (or recovery) code when two-factor is on.</summary>
public sealed record TokenRequest(string? Email, string? Password, string? Code = null);

public sealed record TwoFactorCodeRequest(string? Code);

/// <summary>Single-use codes for signing in without the authenticator; shown once.</summary>
public sealed record RecoveryCodes(IReadOnlyList<string> Codes);

/// <summary>
/// A new personal token; <c>Scopes</c> among "read", "write", "admin" (read and write when left out). The name is
/// documented as required (1 to 100 characters); a missing one is still refused with <c>token.name-invalid</c>.
/// </summary>
public sealed record PersonalTokenRequest([property: StringLength(100, MinimumLength = 1)] string Name, int? ExpiresInDays, IReadOnlyList<string>? Scopes = null);
