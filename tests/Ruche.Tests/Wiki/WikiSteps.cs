using System.Net;
using System.Net.Http.Json;
using Ruche.Core.Records;
using Ruche.Core.Wiki;
using Ruche.Tests.Infrastructure;
using Ruche.Web.Wiki;

namespace Ruche.Tests.Wiki;

/// <summary>Co-written pages, through the API.</summary>
public static class WikiSteps
{
    public static Task<HttpResponseMessage> TryCreatePageAsync(this Actor actor, long spaceId, object body) =>
        actor.Http.PostAsJsonAsync($"/api/v1/spaces/{spaceId}/pages", body, Actor.Json);

    public static async Task<PageCreated> CreatePageAsync(this Actor actor, long spaceId, string title, string text, long? parentId = null, bool isTemplate = false) =>
        await Actor.ReadAsync<PageCreated>(await actor.TryCreatePageAsync(spaceId, new { title, text, parentId, isTemplate }), HttpStatusCode.Created);

    public static Task<HttpResponseMessage> TrySavePageAsync(this Actor actor, long pageId, int? baseNumber, string? title, string? text, string? summary = null) =>
        actor.Http.PutAsJsonAsync($"/api/v1/pages/{pageId}", new { baseNumber, title, text, summary }, Actor.Json);

    public static async Task<WikiSaveResult> SavePageAsync(this Actor actor, long pageId, int baseNumber, string title, string text, string? summary = null) =>
        await Actor.ReadAsync<WikiSaveResult>(await actor.TrySavePageAsync(pageId, baseNumber, title, text, summary), HttpStatusCode.OK);

    public static Task<WikiPageView> PageAsync(this Actor actor, long pageId) => actor.GetAsync<WikiPageView>($"/api/v1/pages/{pageId}");

    public static Task<List<WikiRevisionCard>> HistoryAsync(this Actor actor, long pageId) => actor.GetAsync<List<WikiRevisionCard>>($"/api/v1/pages/{pageId}/revisions");

    public static Task<WikiRevisionView> RevisionAsync(this Actor actor, long pageId, int number) => actor.GetAsync<WikiRevisionView>($"/api/v1/pages/{pageId}/revisions/{number}");

    public static Task<VersionDiff> DiffAsync(this Actor actor, long pageId, int from, int to) => actor.GetAsync<VersionDiff>($"/api/v1/pages/{pageId}/diff?from={from}&to={to}");

    public static async Task<WikiSaveResult> RestoreAsync(this Actor actor, long pageId, int number) =>
        await Actor.ReadAsync<WikiSaveResult>(await actor.Http.PostAsync($"/api/v1/pages/{pageId}/revisions/{number}/restore", null), HttpStatusCode.OK);

    public static async Task CommentPageAsync(this Actor actor, long pageId, string body) =>
        await Actor.ExpectAsync(await actor.Http.PostAsJsonAsync($"/api/v1/pages/{pageId}/comments", new { body }, Actor.Json), HttpStatusCode.Created);

    public static async Task<PageFileAttached> AttachToPageAsync(this Actor actor, long pageId, byte[] content, string fileName = "schema.png")
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new("image/png");
        form.Add(file, "file", fileName);
        return await Actor.ReadAsync<PageFileAttached>(await actor.Http.PostAsync($"/api/v1/pages/{pageId}/files", form), HttpStatusCode.Created);
    }

    public static Task<HttpResponseMessage> TryMovePageAsync(this Actor actor, long pageId, long? parentId) =>
        actor.Http.PutAsJsonAsync($"/api/v1/pages/{pageId}/parent", new { parentId }, Actor.Json);

    public static async Task MovePageAsync(this Actor actor, long pageId, long? parentId) =>
        await Actor.ExpectAsync(await actor.TryMovePageAsync(pageId, parentId), HttpStatusCode.NoContent);

    public static Task<HttpResponseMessage> TryDeletePageAsync(this Actor actor, long pageId) => actor.Http.DeleteAsync($"/api/v1/pages/{pageId}");

    public static async Task DeletePageAsync(this Actor actor, long pageId) =>
        await Actor.ExpectAsync(await actor.TryDeletePageAsync(pageId), HttpStatusCode.NoContent);

    /// <summary>Numbered lines "line 1" … "line n", a text whose lines two editors can change apart or together.</summary>
    public static string Lines(int count, Func<int, string>? line = null) =>
        string.Join('\n', Enumerable.Range(1, count).Select(i => line?.Invoke(i) ?? $"ligne {i}"));
}
