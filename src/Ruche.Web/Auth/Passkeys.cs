using System.Security.Claims;
using Microsoft.AspNetCore.Identity;

namespace Ruche.Web.Auth;

/// <summary>
/// WebAuthn settings (Ruche:Passkeys). The relying party id defaults to the host the page was served from, which
/// suits one name per deployment; behind several names, or to pin it, set ServerDomain and AllowedOrigins.
/// </summary>
public sealed class PasskeySettings
{
    public const string Section = "Ruche:Passkeys";

    /// <summary>The relying party id (a domain, e.g. "ruche.example.com"); empty means the request's host.</summary>
    public string? ServerDomain { get; set; }

    /// <summary>
    /// Exact origins ("https://ruche.example.com") allowed to use passkeys; empty means the origin the request came to
    /// (scheme and host as Kestrel sees them, after the trusted proxy's forwarded headers).
    /// </summary>
    public IReadOnlyList<string> AllowedOrigins { get; set; } = [];
}

public static class Passkeys
{
    /// <summary>RFC 8176 "amr": the session was opened with more than one factor (a user-verified passkey, or password + code).</summary>
    public const string MultiFactor = "mfa";

    /// <summary>RFC 8176 "amr": proof of possession of a hardware-bound key.</summary>
    public const string HardwareKey = "hwk";

    private const string AmrClaim = "amr";

    public static IServiceCollection AddRuchePasskeys(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(PasskeySettings.Section).Get<PasskeySettings>() ?? new PasskeySettings();
        services.Configure<IdentityPasskeyOptions>(passkeys =>
        {
            passkeys.ServerDomain = string.IsNullOrWhiteSpace(settings.ServerDomain) ? null : settings.ServerDomain.Trim();

            // Verification by the authenticator (PIN, biometrics) is what makes a passkey count as two factors.
            passkeys.UserVerificationRequirement = "required";
            passkeys.ResidentKeyRequirement = "required";

            // The browser states the page's origin in what the authenticator signs: it must be one of ours, never framed.
            var allowed = settings.AllowedOrigins.Select(o => o.TrimEnd('/')).ToHashSet(StringComparer.OrdinalIgnoreCase);
            passkeys.ValidateOrigin = context => ValueTask.FromResult(!context.CrossOrigin && (allowed.Count > 0
                ? allowed.Contains(context.Origin)
                : string.Equals(context.Origin, $"{context.HttpContext.Request.Scheme}://{context.HttpContext.Request.Host}", StringComparison.OrdinalIgnoreCase)));
        });

        // The periodic security-stamp check rebuilds the session's claims from the database; keep how it was opened.
        services.Configure<SecurityStampValidatorOptions>(stamps => stamps.OnRefreshingPrincipal = refreshing =>
        {
            if (refreshing.NewPrincipal?.Identity is ClaimsIdentity identity && refreshing.CurrentPrincipal is { } current)
            {
                identity.AddClaims(current.FindAll(AmrClaim).Select(c => new Claim(AmrClaim, c.Value)));
            }

            return Task.CompletedTask;
        });
        return services;
    }

    /// <summary>The claims a passkey sign-in adds to the session.</summary>
    public static IEnumerable<Claim> SignInClaims() => [new Claim(AmrClaim, MultiFactor), new Claim(AmrClaim, HardwareKey)];

    /// <summary>Whether this session was opened with two factors (a passkey, or a password and an authenticator code).</summary>
    public static bool IsMultiFactor(this ClaimsPrincipal principal) => principal.HasClaim(AmrClaim, MultiFactor);
}
