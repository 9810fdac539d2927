using System.Security.Claims;
using Microsoft.Net.Http.Headers;
using Ruche.Core.Files;
using Ruche.Web.Auth;

namespace Ruche.Web.Files;

public static class FilesEndpoints
{
    /// <summary>
    /// Serves a file to a reader allowed to see it — signed in to the pages, or an API client with its bearer
    /// token (uploads answer with this address); there are no public links.
    /// </summary>
    public static IEndpointRouteBuilder MapFiles(this IEndpointRouteBuilder app)
    {
        app.MapGet("/files/{id:guid}", async (Guid id, ClaimsPrincipal user, FileService files, HttpContext http, CancellationToken ct) =>
        {
            var (file, content) = await files.OpenAsync(user.RequireViewer(), id, ct);
            http.Response.Headers.CacheControl = "private, max-age=86400";
            http.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
            return Results.File(content, file.ContentType, enableRangeProcessing: false);
        }).WithName("DownloadFile").RequireAuthorization(Hosting.RucheServices.FilesPolicy).ExcludeFromDescription();
        return app;
    }
}
