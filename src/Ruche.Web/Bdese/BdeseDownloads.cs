using System.Globalization;
using System.Security.Claims;
using Microsoft.Net.Http.Headers;
using Ruche.Core.Bdese;
using Ruche.Core.Common;
using Ruche.Web.Auth;

namespace Ruche.Web.Bdese;

/// <summary>
/// The PDF download for the pages (cookie or token, like other files), and what the API and the forms share: reading an
/// upload within the size limit and reading typed numbers and days.
/// </summary>
public static class BdeseDownloads
{
    public static IEndpointRouteBuilder MapBdeseDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet("/bdese/items/{id:long}/pdf", async (long id, string? version, ClaimsPrincipal user, BdeseLibrary library, CancellationToken ct) =>
            File(await library.DownloadAsync(user.RequireViewer(), id, VersionFrom(version), ct)))
            .WithName("DownloadBdeseItem").RequireAuthorization(Hosting.RucheServices.FilesPolicy).ExcludeFromDescription();
        return app;
    }

    /// <summary>Never cached: the next reader's copy carries another name, and each read must reach the log.</summary>
    public static IResult File(BdeseDownload download) =>
        new NoStoreFile(download);

    /// <summary>A version number from the address; anything but a positive number is no such version.</summary>
    public static int? VersionFrom(string? text) =>
        text is null ? null
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0 ? number
        : throw RucheException.NotFound("bdese.version-not-found", "No such version of this item.");

    public static int? Number(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
        : int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number
        : throw RucheException.Invalid("bdese.year-invalid", "The year is a number.");

    public static DateOnly? Day(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
        : DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
        : throw RucheException.Invalid("bdese.confidential-until-invalid", "The last day is written yyyy-mm-dd.");

    public static async Task<byte[]?> ReadAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            return null;
        }

        if (file.Length > BdeseInput.DocumentMaxBytes)
        {
            throw RucheException.Invalid("bdese.document-too-large", "The PDF is too large.");
        }

        using var copy = new MemoryStream();
        await file.CopyToAsync(copy, cancellationToken);
        return copy.ToArray();
    }

    private sealed class NoStoreFile(BdeseDownload download) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.CacheControl = "no-store";
            httpContext.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
            return Results.File(download.Content, "application/pdf", download.FileName).ExecuteAsync(httpContext);
        }
    }
}
