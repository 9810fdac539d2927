using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Ruche.Core.Common;
using Ruche.Core.Library;
using Ruche.Web.Auth;
using Ruche.Web.Files;
using Ruche.Web.Hosting;

namespace Ruche.Web.Library;

/// <summary>A space's file library (folders, files, versions) and its photo gallery. Bytes are served by <c>/files/{id}</c>.</summary>
public static class LibraryApi
{
    public static RouteGroupBuilder MapLibraryApi(this RouteGroupBuilder api)
    {
        var library = api.MapGroup("/spaces/{spaceId:long}/library").WithTags("Library");
        library.MapGet("/", ListAsync).WithName("ListLibraryFolder")
            .WithDescription("A folder's subfolders and files (folderId; none: the library's root). A version's downloads are given to its uploader only.");
        library.MapPost("/folders", CreateFolderAsync).WithName("CreateLibraryFolder")
            .WithDescription("name (required), parentId (none: at the root). Whoever may post in the space organises its library.");
        library.MapPatch("/folders/{folderId:long}", RenameFolderAsync).WithName("RenameLibraryFolder");
        library.MapDelete("/folders/{folderId:long}", async (long spaceId, long folderId, ClaimsPrincipal user, LibraryService service, CancellationToken ct) =>
        {
            await service.DeleteFolderAsync(user.RequireViewer(), spaceId, folderId, ct);
            return TypedResults.NoContent();
        }).WithName("DeleteLibraryFolder").WithDescription("An empty folder only; its author or the space's moderators.");
        library.MapPost("/files", UploadAsync).WithName("UploadLibraryFile").DisableAntiforgery().AcceptsOneUpload()
            .WithDescription("Multipart: file (required), folderId (none: the root). A name already in the folder (whatever its case) adds a new version of that file; the answer names the file either way.");
        library.MapGet("/files/{fileId:long}", async (long spaceId, long fileId, ClaimsPrincipal user, LibraryReader reader, CancellationToken ct) =>
            TypedResults.Ok(await reader.GetAsync(user.RequireViewer(), spaceId, fileId, ct))).WithName("GetLibraryFile");
        library.MapPost("/files/{fileId:long}/versions", UploadVersionAsync).WithName("UploadLibraryFileVersion").DisableAntiforgery().AcceptsOneUpload()
            .WithDescription("Multipart: file (required). Earlier versions stay downloadable.");
        library.MapPut("/files/{fileId:long}/folder", async (long spaceId, long fileId, LibraryMoveRequest request, ClaimsPrincipal user, LibraryService service, CancellationToken ct) =>
        {
            await service.MoveFileAsync(user.RequireViewer(), spaceId, fileId, request.FolderId, ct);
            return TypedResults.NoContent();
        }).WithName("MoveLibraryFile").WithDescription("folderId (null: the root). Its author or the space's moderators; a name already there is refused (409).");
        library.MapDelete("/files/{fileId:long}", async (long spaceId, long fileId, ClaimsPrincipal user, LibraryService service, CancellationToken ct) =>
        {
            await service.DeleteFileAsync(user.RequireViewer(), spaceId, fileId, ct);
            return TypedResults.NoContent();
        }).WithName("DeleteLibraryFile").WithDescription("With every version; its author or the space's moderators.");
        library.MapGet("/versions/{versionId:long}/download", async (long spaceId, long versionId, ClaimsPrincipal user, LibraryService service, CancellationToken ct) =>
            TypedResults.Redirect($"/files/{await service.DownloadAsync(user.RequireViewer(), spaceId, versionId, ct)}"))
            .WithName("DownloadLibraryFileVersion").Produces(StatusCodes.Status302Found)
            .WithDescription("Counts the download (a number its uploader sees, never who) and redirects to /files/{id}.");
        api.MapGet("/spaces/{spaceId:long}/photos", GalleryAsync).WithTags("Library").WithName("ListSpacePhotos")
            .WithDescription("The images of the space's posts the caller may read, newest post first; cursor and pageSize. Thumbnails: /files/{id}?size=thumb.");
        return api;
    }

    private static async Task<Ok<LibraryListing>> ListAsync(long spaceId, long? folderId, ClaimsPrincipal user, LibraryReader reader, CancellationToken ct) =>
        TypedResults.Ok(await reader.ListAsync(user.RequireViewer(), spaceId, folderId, ct));

    private static async Task<Created<LibraryCreated>> CreateFolderAsync(long spaceId, LibraryFolderRequest request, ClaimsPrincipal user, LibraryService service, CancellationToken ct)
    {
        var id = await service.CreateFolderAsync(user.RequireViewer(), spaceId, request.Name, request.ParentId, ct);
        return TypedResults.Created($"/api/v1/spaces/{spaceId}/library?folderId={id}", new LibraryCreated(id));
    }

    private static async Task<NoContent> RenameFolderAsync(long spaceId, long folderId, LibraryRenameRequest request, ClaimsPrincipal user, LibraryService service, CancellationToken ct)
    {
        await service.RenameFolderAsync(user.RequireViewer(), spaceId, folderId, request.Name, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Created<LibraryCreated>> UploadAsync(long spaceId, IFormFile? file, [FromForm] long? folderId, ClaimsPrincipal user, LibraryService service, CancellationToken ct)
    {
        var upload = RequireFile(file);
        await using var stream = upload.OpenReadStream();
        var id = await service.UploadAsync(user.RequireViewer(), spaceId, folderId, stream, upload.FileName, ct);
        return TypedResults.Created($"/api/v1/spaces/{spaceId}/library/files/{id}", new LibraryCreated(id));
    }

    private static async Task<Created<LibraryVersionCreated>> UploadVersionAsync(long spaceId, long fileId, IFormFile? file, ClaimsPrincipal user, LibraryService service, CancellationToken ct)
    {
        var upload = RequireFile(file);
        await using var stream = upload.OpenReadStream();
        var number = await service.UploadVersionAsync(user.RequireViewer(), spaceId, fileId, stream, upload.FileName, ct);
        return TypedResults.Created($"/api/v1/spaces/{spaceId}/library/files/{fileId}", new LibraryVersionCreated(fileId, number));
    }

    private static async Task<Ok<PageDto<GalleryPhoto>>> GalleryAsync(long spaceId, string? cursor, int? pageSize, ClaimsPrincipal user, GalleryReader gallery, CancellationToken ct) =>
        TypedResults.Ok(PageDto.From((await gallery.PhotosAsync(user.RequireViewer(), spaceId, cursor, pageSize, ct)).Photos));

    /// <summary>The uploaded file, or a refusal naming what is missing.</summary>
    public static IFormFile RequireFile(IFormFile? file) =>
        file is { Length: > 0 } ? file : throw RucheException.Invalid("library.file-missing", "Choose a file to upload.");
}

public sealed record LibraryFolderRequest([property: MaxLength(LibraryInputs.NameMaxLength)] string? Name, long? ParentId);

public sealed record LibraryRenameRequest([property: MaxLength(LibraryInputs.NameMaxLength)] string? Name);

public sealed record LibraryCreated(long Id);

public sealed record LibraryMoveRequest(long? FolderId);

public sealed record LibraryVersionCreated(long FileId, int Version);
