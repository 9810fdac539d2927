using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Ruche.Web.Reporting;

/// <summary>
/// The reporting channel's public routes (<c>/report…</c>, and the forms under <c>/ui/report…</c>) authenticate nobody:
/// their scheme never reads the sign-in cookie nor renews it, so an anonymous report made from a signed-in browser is
/// not tied to the account by the app. Nothing on them is partitioned, logged or stored by network address. A named
/// report from one's account goes through <c>/reporting/new</c>, which is signed in.
/// </summary>
public static class PublicChannel
{
    public const string SchemeName = "NoSignIn";

    public static bool IsPublic(PathString path) => path.StartsWithSegments("/report") || path.StartsWithSegments("/ui/report");

    /// <summary>
    /// Forgets the caller's network address on these routes, first in the pipeline: the connection's address and the
    /// forwarding headers a proxy adds are gone before the forwarded-headers middleware (whose debug lines name the
    /// address), the rate limiter, the logs or the audit could read them.
    /// </summary>
    public static IApplicationBuilder UseNoAddressOnPublicChannel(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (IsPublic(context.Request.Path))
            {
                context.Connection.RemoteIpAddress = null;
                context.Connection.RemotePort = 0;
                context.Request.Headers.Remove("X-Forwarded-For");
                context.Request.Headers.Remove("X-Real-IP");
                context.Request.Headers.Remove("Forwarded");
            }

            return next(context);
        });

    /// <summary>What the answers of these routes must never leave in a cache or history: the receipt, the case.</summary>
    public static void NoStore(HttpContext http)
    {
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.Pragma = "no-cache";
    }
}

/// <summary>Authenticates nobody and challenges nobody: every public channel route allows anonymous callers.</summary>
public sealed class NoSignInHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync() => Task.FromResult(AuthenticateResult.NoResult());
}
