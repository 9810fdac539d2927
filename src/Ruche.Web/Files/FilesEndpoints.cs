using System.Security.Claims;
using Microsoft.Net.Http.Headers;
using Ruche.Core.Common;
using Ruche.Core.Files;
using Ruche.Web.Auth;

namespace Ruche.Web.Files;

public static class FilesEndpoints
{
    /// <summary>Raster images a browser may show inline: every other type is downloaded, never rendered on Ruche's origin.</summary>
    private static readonly string[] InlineTypes = ["image/jpeg", "image/png", "image/gif", "image/webp"];

    /// <summary>
    /// Serves a file to a reader allowed to see it — signed in to the pages, or an API client with its bearer token
    /// (uploads answer with this address); there are no public links. <c>?size=thumb|feed|original</c> picks an image's
    /// rendition (WebP when the browser's Accept header takes it). Documents, and anything not a raster image, come as
    /// attachments; nothing is sniffed; ranges, ETag and Last-Modified are honoured; caches are private (ADR 26).
    /// </summary>
    public static IEndpointRouteBuilder MapFiles(this IEndpointRouteBuilder app)
    {
        app.MapGet("/files/{id:guid}", async (Guid id, string? size, ClaimsPrincipal user, FileService files, HttpContext http, CancellationToken ct) =>
        {
            var wanted = size switch
            {
                null or "" or "feed" => FileSize.Feed,
                "thumb" => FileSize.Thumb,
                "original" => FileSize.Original,
                _ => throw RucheException.Invalid("file.size-unknown", "The size is thumb, feed or original."),
            };
            var acceptsWebp = http.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("image/webp", StringComparison.OrdinalIgnoreCase));
            var opened = await files.OpenAsync(user.RequireViewer(), id, wanted, acceptsWebp, ct);
            var file = opened.File;
            var headers = http.Response.Headers;
            headers.CacheControl = "private, max-age=86400";
            headers[HeaderNames.XContentTypeOptions] = "nosniff";
            if (file.Renditions.HasFlag(FileRenditions.FeedWebp))
            {
                headers.Vary = HeaderNames.Accept;
            }

            var inline = file.Kind == FileKind.Image && InlineTypes.Contains(opened.ContentType);
            if (!inline)
            {
                // Even if a browser ignored the attachment, the document could run nothing and reach nothing.
                headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
            }

            var tag = new EntityTagHeaderValue($"\"{file.Id:N}.{opened.Rendition ?? "main"}\"");
            return Results.File(
                opened.Content,
                opened.ContentType,
                fileDownloadName: inline ? null : file.FileName,
                lastModified: new DateTimeOffset(DateTime.SpecifyKind(file.CreatedAt, DateTimeKind.Utc)),
                entityTag: tag,
                enableRangeProcessing: true);
        }).WithName("DownloadFile").RequireAuthorization(Hosting.RucheServices.FilesPolicy).ExcludeFromDescription();
        return app;
    }
}
