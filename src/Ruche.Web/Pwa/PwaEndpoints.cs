using System.Globalization;

namespace Ruche.Web.Pwa;

/// <summary>
/// The installable app's routes (ADR 23): the manifest, and the headers of the service worker script, which must be
/// fetched fresh (a stale worker would keep old caching rules) and may control the whole origin.
/// </summary>
public static class PwaEndpoints
{
    public const string ServiceWorkerPath = "/sw.js";

    /// <summary>What a sign-out answers with: the browser drops its HTTP cache, the offline copies and local storage.</summary>
    public const string ClearSiteData = "\"cache\", \"storage\"";

    public static IEndpointRouteBuilder MapPwa(this IEndpointRouteBuilder app)
    {
        app.MapGet("/manifest.webmanifest", () => TypedResults.Json(PwaManifest.For(CultureInfo.CurrentUICulture), contentType: PwaManifest.ContentType))
            .AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>Before the static files: the worker script is never cached by HTTP and its scope is the whole site.</summary>
    public static IApplicationBuilder UseServiceWorkerHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (context.Request.Path == ServiceWorkerPath)
            {
                context.Response.OnStarting(() =>
                {
                    context.Response.Headers.CacheControl = "no-cache, no-store, must-revalidate";
                    context.Response.Headers["Service-Worker-Allowed"] = "/";
                    return Task.CompletedTask;
                });
            }

            return next(context);
        });

    /// <summary>Asks the browser to forget what it kept for the person signing out (caches, storage, offline pages).</summary>
    public static void ClearSiteDataOnSignOut(this HttpResponse response) => response.Headers["Clear-Site-Data"] = ClearSiteData;
}
