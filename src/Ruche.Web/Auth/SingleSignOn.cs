using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Ruche.Core.Access;
using Ruche.Core.Audit;
using Ruche.Core.Common;
using Ruche.Core.People;
using Ruche.Web.Hosting;

namespace Ruche.Web.Auth;

/// <summary>
/// Single sign-on with any OpenID Connect provider (authorization code + PKCE), several at once, configured
/// under Ruche:Sso:Providers. People are found, linked or created by <see cref="ExternalSignIn"/>.
/// </summary>
public static class SingleSignOn
{
    public const string SchemePrefix = "oidc-";

    public static IServiceCollection AddSingleSignOn(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(SsoOptions.Section).Get<SsoOptions>() ?? new SsoOptions();
        services.Configure<SsoOptions>(configuration.GetSection(SsoOptions.Section));
        var authentication = services.AddAuthentication();
        foreach (var provider in options.Providers)
        {
            authentication.AddOpenIdConnect(SchemePrefix + provider.Name, provider.DisplayName ?? provider.Name, oidc =>
            {
                oidc.SignInScheme = IdentityConstants.ExternalScheme;
                oidc.Authority = provider.Authority;
                oidc.ClientId = provider.ClientId;
                oidc.ClientSecret = provider.ClientSecret;
                oidc.ResponseType = OpenIdConnectResponseType.Code;
                oidc.UsePkce = true;
                oidc.CallbackPath = "/signin-" + SchemePrefix + provider.Name;
                oidc.MapInboundClaims = false;
                oidc.GetClaimsFromUserInfoEndpoint = provider.UseUserInfo;
                oidc.RequireHttpsMetadata = provider.RequireHttpsMetadata;
                oidc.SaveTokens = false;
                oidc.Scope.Clear();
                foreach (var scope in provider.Scopes)
                {
                    oidc.Scope.Add(scope);
                }
            });
        }

        services.AddScoped<ExternalSignIn>();
        return services;
    }

    public static IEndpointRouteBuilder MapSingleSignOn(this IEndpointRouteBuilder app)
    {
        app.MapPost("/ui/login/external", Challenge).AllowAnonymous().RequireRateLimiting(RateLimits.SignInPolicy).ExcludeFromDescription();
        app.MapGet("/ui/login/external/callback", CallbackAsync).AllowAnonymous().RequireRateLimiting(RateLimits.SignInPolicy).ExcludeFromDescription();
        return app;
    }

    private static IResult Challenge([FromForm] ExternalForm form, SignInManager<Person> signIn, Microsoft.Extensions.Options.IOptions<SsoOptions> options)
    {
        var provider = options.Value.Providers.FirstOrDefault(p => p.Name == form.Provider);
        if (provider is null)
        {
            return Results.LocalRedirect(FormResults.WithError("/login", "sso.unknown-provider"));
        }

        var callback = QueryHelpers.AddQueryString("/ui/login/external/callback", "returnUrl", FormResults.Safe(form.ReturnUrl));
        var properties = signIn.ConfigureExternalAuthenticationProperties(SchemePrefix + provider.Name, callback);
        return Results.Challenge(properties, [SchemePrefix + provider.Name]);
    }

    private static async Task<IResult> CallbackAsync(
        string? returnUrl, SignInManager<Person> signIn, ExternalSignIn external, AuditLog audit, Microsoft.Extensions.Options.IOptions<SsoOptions> options, HttpContext http)
    {
        var info = await signIn.GetExternalLoginInfoAsync();
        if (info is null)
        {
            return Results.LocalRedirect(FormResults.WithError("/login", "sso.failed"));
        }

        var provider = options.Value.Providers.Single(p => SchemePrefix + p.Name == info.LoginProvider);
        var claims = info.Principal;
        var identity = new ExternalIdentity(
            info.LoginProvider,
            info.ProviderKey,
            claims.FindFirstValue(provider.Claims.Email),
            string.Equals(claims.FindFirstValue(provider.Claims.EmailVerified), "true", StringComparison.OrdinalIgnoreCase) || provider.TrustEmails,
            claims.FindFirstValue(provider.Claims.Name),
            claims.FindFirstValue(provider.Claims.Department),
            claims.FindFirstValue(provider.Claims.Site));
        try
        {
            var person = await external.ResolveAsync(identity, http.RequestAborted);
            await http.SignOutAsync(IdentityConstants.ExternalScheme);
            await signIn.SignInAsync(person, isPersistent: false, authenticationMethod: info.LoginProvider);
            await audit.RecordAsync(person.Id, "auth.sign-in", $"person:{person.Id}", new { channel = "sso", provider = provider.Name }, http.RequestAborted);
            AccountForms.RememberLanguage(http, person.Language);
            return Results.LocalRedirect(FormResults.Safe(returnUrl));
        }
        catch (RucheException refused)
        {
            await http.SignOutAsync(IdentityConstants.ExternalScheme);
            return Results.LocalRedirect(FormResults.WithError("/login", refused.Code));
        }
    }
}

/// <summary>Fields of an HTML form; a field the browser leaves out binds as its default.</summary>
public sealed record ExternalForm
{
    public string? Provider { get; init; }

    public string? ReturnUrl { get; init; }
}

/// <summary>Ruche:Sso in configuration.</summary>
public sealed class SsoOptions
{
    public const string Section = "Ruche:Sso";

    public List<SsoProvider> Providers { get; init; } = [];

    /// <summary>When true, people sign in through a provider only: the password form and password tokens are off.</summary>
    public bool DisableLocalPasswords { get; set; }
}

public sealed class SsoProvider
{
    /// <summary>Short name used in URLs (e.g. "keycloak").</summary>
    public string Name { get; set; } = string.Empty;

    public string? DisplayName { get; set; }

    public string Authority { get; set; } = string.Empty;

    public string ClientId { get; set; } = string.Empty;

    public string? ClientSecret { get; set; }

    public List<string> Scopes { get; init; } = ["openid", "profile", "email"];

    public bool UseUserInfo { get; set; } = true;

    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>For providers that only hold verified company addresses but send no email_verified claim.</summary>
    public bool TrustEmails { get; set; }

    public SsoClaims Claims { get; init; } = new();
}

/// <summary>Which claim carries each profile field (claim mapping).</summary>
public sealed class SsoClaims
{
    public string Email { get; set; } = "email";

    public string EmailVerified { get; set; } = "email_verified";

    public string Name { get; set; } = "name";

    public string Department { get; set; } = "department";

    public string Site { get; set; } = "site";
}
