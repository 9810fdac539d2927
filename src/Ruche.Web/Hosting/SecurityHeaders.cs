namespace Ruche.Web.Hosting;

/// <summary>
/// Headers that make every response harder to abuse: a strict Content-Security-Policy (no inline script,
/// nothing from other origins, no framing), no MIME sniffing, no referrer leaks to other sites.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, IWebHostEnvironment environment) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;

                // The API reference UI (Development only) loads its own scripts; everything else follows the policy.
                if (!(environment.IsDevelopment() && context.Request.Path.StartsWithSegments("/scalar")))
                {
                    // A response with a policy of its own (a downloaded file's "sandbox") keeps it too: browsers enforce both.
                    headers.ContentSecurityPolicy = Microsoft.Extensions.Primitives.StringValues.Concat(ContentSecurityPolicy, headers.ContentSecurityPolicy);
                }

                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "same-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            return next(context);
        });
}
