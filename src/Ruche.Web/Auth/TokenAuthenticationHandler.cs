using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Ruche.Core.Access;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.People;
using Ruche.Web.Hosting;

namespace Ruche.Web.Auth;

/// <summary>
/// Authenticates API calls carrying <c>Authorization: Bearer ruche_…</c>: a sign-in token or a personal
/// access token, both checked against their stored hash on every request, so revocation is immediate.
/// </summary>
public sealed class TokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AccessTokenService tokens,
    RucheDbContext db)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "RucheToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var holder = await tokens.ValidateAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (holder is null)
        {
            return AuthenticateResult.Fail("Unknown, expired or revoked token.");
        }

        var id = holder.PersonId;

        var roles = await db.UserRoles.Where(r => r.UserId == id)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
            .ToListAsync(Context.RequestAborted);
        // Administration is the admin scope's: without it, the token speaks for the person as an employee everywhere
        // (editing others' profiles, deleting anyone's post…), not only under /api/v1/admin.
        var claims = roles.Where(r => r != RoleNames.Administrator || holder.Scopes is not { } granted || granted.HasFlag(TokenScopes.Admin))
            .Select(r => new Claim(ClaimTypes.Role, r))
            .Append(new Claim(ClaimTypes.NameIdentifier, id.ToString(CultureInfo.InvariantCulture)))
            .Concat(holder.Scopes is { } scopes ? TokenScopeNames.Names(scopes).Select(s => new Claim(TokenScopeHandler.ScopeClaim, s)) : []);
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Problems.WriteAsync(Context, StatusCodes.Status401Unauthorized, "auth.required", "Sign in: send a bearer token from POST /api/v1/auth/token or a personal access token.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Context.Items[TokenScopeHandler.MissingScopesItem] is string missing
            ? Problems.WriteAsync(Context, StatusCodes.Status403Forbidden, "token.scope-insufficient", $"This token lacks the scope this call needs: {missing}.")
            : Problems.WriteAsync(Context, StatusCodes.Status403Forbidden, "auth.forbidden", "You may not do this.");
}
