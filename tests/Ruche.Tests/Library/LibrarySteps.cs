using System.Net;
using System.Net.Http.Json;
using Ruche.Core.Library;
using Ruche.Tests.Infrastructure;
using Ruche.Web.Hosting;
using Ruche.Web.Library;
using Ruche.Web.Posts;

namespace Ruche.Tests.Library;

/// <summary>A space's library and gallery, through the API.</summary>
public static class LibrarySteps
{
    public static string Library(long spaceId) => $"/api/v1/spaces/{spaceId}/library";

    public static Task<HttpResponseMessage> TryUploadAsync(this Actor actor, long spaceId, string fileName, long? folderId = null, byte[]? content = null, string? url = null)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content ?? TestImages.Png());
        file.Headers.ContentType = new("image/png");
        form.Add(file, "file", fileName);
        if (folderId is { } folder)
        {
            form.Add(new StringContent(folder.ToString(System.Globalization.CultureInfo.InvariantCulture)), "folderId");
        }

        return actor.Http.PostAsync(url ?? $"{Library(spaceId)}/files", form);
    }

    public static async Task<long> UploadAsync(this Actor actor, long spaceId, string fileName, long? folderId = null) =>
        (await Actor.ReadAsync<LibraryCreated>(await actor.TryUploadAsync(spaceId, fileName, folderId), HttpStatusCode.Created)).Id;

    public static Task<HttpResponseMessage> TryUploadVersionAsync(this Actor actor, long spaceId, long fileId, string fileName) =>
        actor.TryUploadAsync(spaceId, fileName, url: $"{Library(spaceId)}/files/{fileId}/versions");

    public static async Task<int> UploadVersionAsync(this Actor actor, long spaceId, long fileId, string fileName) =>
        (await Actor.ReadAsync<LibraryVersionCreated>(await actor.TryUploadVersionAsync(spaceId, fileId, fileName), HttpStatusCode.Created)).Version;

    public static Task<HttpResponseMessage> TryCreateFolderAsync(this Actor actor, long spaceId, string? name, long? parentId = null) =>
        actor.Http.PostAsJsonAsync($"{Library(spaceId)}/folders", new { name, parentId }, Actor.Json);

    public static async Task<long> CreateFolderAsync(this Actor actor, long spaceId, string name, long? parentId = null) =>
        (await Actor.ReadAsync<LibraryCreated>(await actor.TryCreateFolderAsync(spaceId, name, parentId), HttpStatusCode.Created)).Id;

    public static Task<HttpResponseMessage> TryRenameFolderAsync(this Actor actor, long spaceId, long folderId, string? name) =>
        actor.Http.PatchAsJsonAsync($"{Library(spaceId)}/folders/{folderId}", new { name }, Actor.Json);

    public static Task<HttpResponseMessage> TryDeleteFolderAsync(this Actor actor, long spaceId, long folderId) =>
        actor.Http.DeleteAsync($"{Library(spaceId)}/folders/{folderId}");

    public static Task<HttpResponseMessage> TryDeleteFileAsync(this Actor actor, long spaceId, long fileId) =>
        actor.Http.DeleteAsync($"{Library(spaceId)}/files/{fileId}");

    public static Task<HttpResponseMessage> TryListAsync(this Actor actor, long spaceId, long? folderId = null) =>
        actor.Http.GetAsync(folderId is { } f ? $"{Library(spaceId)}?folderId={f}" : Library(spaceId));

    public static async Task<LibraryListing> ListAsync(this Actor actor, long spaceId, long? folderId = null) =>
        await Actor.ReadAsync<LibraryListing>(await actor.TryListAsync(spaceId, folderId), HttpStatusCode.OK);

    public static async Task<LibraryFileDetail> LibraryFileAsync(this Actor actor, long spaceId, long fileId) =>
        await actor.GetAsync<LibraryFileDetail>($"{Library(spaceId)}/files/{fileId}");

    /// <summary>Downloads a version through the counting address, following its redirect to /files/{id}; the bytes' status.</summary>
    public static async Task<HttpStatusCode> DownloadAsync(this Actor actor, long spaceId, long versionId)
    {
        var response = await actor.Http.GetAsync($"{Library(spaceId)}/versions/{versionId}/download");
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            return response.StatusCode;
        }

        return (await actor.Http.GetAsync(response.Headers.Location)).StatusCode;
    }

    public static Task<HttpResponseMessage> TryPhotosAsync(this Actor actor, long spaceId, string? cursor = null, int? pageSize = null) =>
        actor.Http.GetAsync($"/api/v1/spaces/{spaceId}/photos?pageSize={pageSize ?? 20}" + (cursor is null ? string.Empty : "&cursor=" + Uri.EscapeDataString(cursor)));

    public static async Task<PageDto<GalleryPhoto>> PhotosAsync(this Actor actor, long spaceId, string? cursor = null, int? pageSize = null) =>
        await Actor.ReadAsync<PageDto<GalleryPhoto>>(await actor.TryPhotosAsync(spaceId, cursor, pageSize), HttpStatusCode.OK);

    public static async Task<Guid> UploadDocumentAsync(this Actor actor, string target = "post", string fileName = "compte-rendu.png")
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(TestImages.Png(1, 2, 3));
        file.Headers.ContentType = new("image/png");
        form.Add(file, "file", fileName);
        form.Add(new StringContent(target), "for");
        return (await Actor.ReadAsync<UploadedFile>(await actor.Http.PostAsync("/api/v1/documents", form), HttpStatusCode.Created)).Id;
    }
}
