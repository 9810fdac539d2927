using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Ruche.Core.Common;
using Ruche.Core.Library;
using Ruche.Web.Auth;
using Ruche.Web.Hosting;

namespace Ruche.Web.Library;

/// <summary>The HTML forms of a space's library (they call the same services as the API), and its counted downloads.</summary>
public static class LibraryForms
{
    /// <summary>The largest upload a form takes (the file and the form's few fields).</summary>
    public const long MaxUploadBytes = Files.UploadLimits.OneFileRequestBytes;

    public static IEndpointRouteBuilder MapLibraryForms(this IEndpointRouteBuilder app)
    {
        var ui = app.MapGroup("/ui/library/{spaceId:long}").ExcludeFromDescription();
        ui.MapPost("/folders", (long spaceId, [FromForm] LibraryFolderForm form, ClaimsPrincipal user, LibraryService library, HttpContext http) =>
            FormResults.RunAsync(http, form.ReturnUrl, async () =>
            {
                var id = await library.CreateFolderAsync(user.RequireViewer(), spaceId, form.Name, form.ParentId is > 0 ? form.ParentId : null, http.RequestAborted);
                return $"/spaces/{spaceId}/files/folders/{id}";
            }));
        ui.MapPost("/folders/{folderId:long}/rename", (long spaceId, long folderId, [FromForm] LibraryFolderForm form, ClaimsPrincipal user, LibraryService library, HttpContext http) =>
            FormResults.RunAsync(http, form.ReturnUrl, async () =>
            {
                await library.RenameFolderAsync(user.RequireViewer(), spaceId, folderId, form.Name, http.RequestAborted);
                return null;
            }));
        ui.MapPost("/folders/{folderId:long}/delete", (long spaceId, long folderId, [FromForm] LibraryFolderForm form, ClaimsPrincipal user, LibraryService library, HttpContext http) =>
            FormResults.RunAsync(http, form.ReturnUrl, async () =>
            {
                await library.DeleteFolderAsync(user.RequireViewer(), spaceId, folderId, http.RequestAborted);
                return form.ParentId is > 0 ? $"/spaces/{spaceId}/files/folders/{form.ParentId}" : $"/spaces/{spaceId}/files";
            }));
        ui.MapPost("/files", (long spaceId, [FromForm] LibraryFolderForm form, IFormFile? file, ClaimsPrincipal user, LibraryService library, HttpContext http) =>
            FormResults.RunAsync(http, form.ReturnUrl, async () =>
            {
                var upload = LibraryApi.RequireFile(file);
                await using var stream = upload.OpenReadStream();
                var id = await library.UploadAsync(user.RequireViewer(), spaceId, form.ParentId is > 0 ? form.ParentId : null, stream, upload.FileName, http.RequestAborted);
                return $"/spaces/{spaceId}/files/{id}";
            })).WithMetadata(new RequestSizeLimitAttribute(MaxUploadBytes));
        ui.MapPost("/files/{fileId:long}/versions", (long spaceId, long fileId, [FromForm] LibraryFolderForm form, IFormFile? file, ClaimsPrincipal user, LibraryService library, HttpContext http) =>
            FormResults.RunAsync(http, form.ReturnUrl, async () =>
            {
                var upload = LibraryApi.RequireFile(file);
                await using var stream = upload.OpenReadStream();
                await library.UploadVersionAsync(user.RequireViewer(), spaceId, fileId, stream, upload.FileName, http.RequestAborted);
                return $"/spaces/{spaceId}/files/{fileId}";
            })).WithMetadata(new RequestSizeLimitAttribute(MaxUploadBytes));
        ui.MapPost("/files/{fileId:long}/move", (long spaceId, long fileId, [FromForm] LibraryFolderForm form, ClaimsPrincipal user, LibraryService library, HttpContext http) =>
            FormResults.RunAsync(http, form.ReturnUrl, async () =>
            {
                await library.MoveFileAsync(user.RequireViewer(), spaceId, fileId, form.FolderId is > 0 ? form.FolderId : null, http.RequestAborted);
                return $"/spaces/{spaceId}/files/{fileId}";
            }));
        ui.MapPost("/files/{fileId:long}/delete", (long spaceId, long fileId, [FromForm] LibraryFolderForm form, ClaimsPrincipal user, LibraryService library, HttpContext http) =>
            FormResults.RunAsync(http, form.ReturnUrl, async () =>
            {
                await library.DeleteFileAsync(user.RequireViewer(), spaceId, fileId, http.RequestAborted);
                return form.ParentId is > 0 ? $"/spaces/{spaceId}/files/folders/{form.ParentId}" : $"/spaces/{spaceId}/files";
            }));
        return app;
    }

    /// <summary>
    /// A download from the library's pages: counted for the version's uploader (a number, never who), then served by
    /// <c>/files/{id}</c>, which checks the read rule again. Signed-in pages and API tokens alike.
    /// </summary>
    public static IEndpointRouteBuilder MapLibraryDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet("/spaces/{spaceId:long}/files/versions/{versionId:long}/download", async (long spaceId, long versionId, ClaimsPrincipal user, LibraryService library, CancellationToken ct) =>
            Results.Redirect($"/files/{await library.DownloadAsync(user.RequireViewer(), spaceId, versionId, ct)}"))
            .RequireAuthorization(RucheServices.FilesPolicy).ExcludeFromDescription();
        return app;
    }
}

/// <summary>Fields of an HTML form; a field the browser leaves out binds as its default.</summary>
public sealed record LibraryFolderForm
{
    public string? Name { get; init; }

    /// <summary>The folder the form acts in (none: the root).</summary>
    public long? ParentId { get; init; }

    /// <summary>The folder a file moves to (0 or none: the root).</summary>
    public long? FolderId { get; init; }

    public string? ReturnUrl { get; init; }
}
