using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Ruche.Core.Events;
using Ruche.Web.Auth;

namespace Ruche.Web.Events;

/// <summary>
/// Calendar files outside the API: an event's .ics for a signed-in page, and the private feed calendar clients poll.
/// The feed cannot sign in, so its secret address is its only credential: an unknown, replaced or revoked one is a
/// plain 404, like any address that does not exist.
/// </summary>
public static class CalendarEndpoints
{
    public const string FeedPath = "/calendar/";

    public static IEndpointRouteBuilder MapCalendarEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/events/{id:long}/event.ics", async (long id, ClaimsPrincipal user, CalendarFeedService calendars, CancellationToken ct) =>
        {
            var (name, content) = await calendars.EventFileAsync(user.RequireViewer(), id, ct);
            return Ics(content, name);
        }).RequireAuthorization(Hosting.RucheServices.FilesPolicy).ExcludeFromDescription();

        app.MapGet(FeedPath + "{secret}", async (string secret, CalendarFeedService calendars, HttpContext http, CancellationToken ct) =>
        {
            var name = secret.EndsWith(".ics", StringComparison.Ordinal) ? secret[..^4] : secret;
            var content = await calendars.FeedAsync(name, ct);
            http.Response.Headers.CacheControl = "private, no-store";
            return Ics(content, "ruche.ics");
        }).AllowAnonymous().RequireRateLimiting(Hosting.RateLimits.ApiPolicy).ExcludeFromDescription();
        return app;
    }

    public static FileContentHttpResult Ics(string content, string fileName) =>
        TypedResults.File(Encoding.UTF8.GetBytes(content), "text/calendar; charset=utf-8", fileName);

    public static string FeedUrl(EventSettings settings, string secret) => new Uri(settings.PublicUrl, FeedPath.TrimStart('/') + secret + ".ics").ToString();
}
