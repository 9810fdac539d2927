using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Ruche.Core.Access;

namespace Ruche.Web.Scim;

/// <summary>
/// Authenticates the company directory on /scim/v2 with the bearer token an administrator generated (only its hash
/// is stored). It stands for no person: it can provision, nothing else, and person tokens cannot provision.
/// </summary>
public sealed class ScimAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AccessTokenService tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Scim";
    public const string Policy = "Scim";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        if (!await tokens.ValidateScimAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted))
        {
            return AuthenticateResult.Fail("Unknown, expired or revoked SCIM token.");
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "scim")], SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return ScimResults.WriteErrorAsync(Context, StatusCodes.Status401Unauthorized, null, "Send the SCIM bearer token an administrator generated.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ScimResults.WriteErrorAsync(Context, StatusCodes.Status403Forbidden, null, "This token may not provision.");
}
