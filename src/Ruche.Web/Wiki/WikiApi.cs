using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Ruche.Core.Common;
using Ruche.Core.Records;
using Ruche.Core.Wiki;
using Ruche.Web.Auth;
using Ruche.Web.Files;
using Ruche.Web.Hosting;

namespace Ruche.Web.Wiki;

/// <summary>Co-written pages: a space's pages and templates, a page, its history and diffs, saving with merge, restore, comments, files, moving and deleting.</summary>
public static class WikiApi
{
    public static RouteGroupBuilder MapWikiApi(this RouteGroupBuilder api)
    {
        var spaces = api.MapGroup("/spaces/{id:long}/pages").WithTags("Pages");
        spaces.MapGet("/", async (long id, ClaimsPrincipal user, WikiReader reader, CancellationToken ct) =>
            TypedResults.Ok(await reader.ListAsync(user.RequireViewer(), id, ct))).WithName("ListPages")
            .WithDescription("The space's pages by title, each with its parent (null at the top), at most 500.");
        spaces.MapGet("/templates", async (long id, ClaimsPrincipal user, WikiReader reader, CancellationToken ct) =>
            TypedResults.Ok(await reader.TemplatesAsync(user.RequireViewer(), id, ct))).WithName("ListPageTemplates")
            .WithDescription("Ruche's templates (by name: meeting-notes, project-plan, decision-record, objectives-meeting) then the space's template pages.");
        spaces.MapPost("/", CreateAsync).WithName("CreatePage")
            .WithDescription("title (required), text (Markdown), parentId (a page of the same space), isTemplate (owners and moderators), summary.");

        var pages = api.MapGroup("/pages").WithTags("Pages");
        pages.MapGet("/{id:long}", async (long id, ClaimsPrincipal user, WikiReader reader, CancellationToken ct) =>
            TypedResults.Ok(await reader.GetAsync(user.RequireViewer(), id, ct))).WithName("GetPage");
        pages.MapPut("/{id:long}", SaveAsync).WithName("SavePage")
            .WithDescription("baseNumber: the revision the text was started from. 200 with outcome saved, merged (a change saved meanwhile on other lines is kept too) or unchanged; 409 wiki.conflict when a change saved meanwhile touches the same lines: nothing is saved and the problem carries theirs, mine and the marked text to resolve and send again from latestNumber.");
        pages.MapDelete("/{id:long}", async (long id, ClaimsPrincipal user, WikiTreeService tree, CancellationToken ct) =>
        {
            await tree.DeleteAsync(user.RequireViewer(), id, ct);
            return TypedResults.NoContent();
        }).WithName("DeletePage")
            .WithDescription("Deletes the page with its revisions, comments, attachments and notifications (its creator while they may edit, the space's moderators, administrators for a company-wide space). 409 wiki.has-children while it has sub-pages: move or delete them first.");
        pages.MapPut("/{id:long}/parent", async (long id, PageParentRequest request, ClaimsPrincipal user, WikiTreeService tree, CancellationToken ct) =>
        {
            await tree.MoveAsync(user.RequireViewer(), id, request.ParentId, ct);
            return TypedResults.NoContent();
        }).WithName("MovePage")
            .WithDescription("parentId: a page of the same space to sit under, or null for the top of the space (whoever may edit the page). 404 wiki.parent-not-found for a page elsewhere or unreadable; 400 wiki.parent-cycle for the page itself or one of its sub-pages.");
        pages.MapGet("/{id:long}/revisions", async (long id, ClaimsPrincipal user, WikiReader reader, CancellationToken ct) =>
            TypedResults.Ok(await reader.HistoryAsync(user.RequireViewer(), id, ct))).WithName("ListPageRevisions");
        pages.MapGet("/{id:long}/revisions/{number:int}", async (long id, int number, ClaimsPrincipal user, WikiReader reader, CancellationToken ct) =>
            TypedResults.Ok(await reader.RevisionAsync(user.RequireViewer(), id, number, ct))).WithName("GetPageRevision");
        pages.MapGet("/{id:long}/diff", DiffAsync).WithName("DiffPageRevisions")
            .WithDescription("from and to: revision numbers (any two, either order).");
        pages.MapPost("/{id:long}/revisions/{number:int}/restore", async (long id, int number, ClaimsPrincipal user, WikiService service, CancellationToken ct) =>
            TypedResults.Ok(await service.RestoreAsync(user.RequireViewer(), id, number, ct))).WithName("RestorePageRevision")
            .WithDescription("Saves revision number's title and text as a new revision.");
        pages.MapPost("/{id:long}/comments", CommentAsync).WithName("CommentOnPage");
        pages.MapPost("/{id:long}/files", AttachAsync).WithName("AttachFileToPage").DisableAntiforgery().AcceptsOneUpload()
            .WithDescription("multipart/form-data: file, altText. Read by whoever reads the page, at /files/{id}.");
        pages.MapPost("/{id:long}/editing", async (long id, ClaimsPrincipal user, WikiService service, CancellationToken ct) =>
        {
            await service.EditingAsync(user.RequireViewer(), id, ct);
            return TypedResults.NoContent();
        }).WithName("AnnouncePageEditing").WithDescription("Tells the page's other readers, live, that the caller has it open in the editor (send again every 30 seconds while editing).");
        return api;
    }

    /// <summary>A conflict as problem details (409 wiki.conflict), with both texts so no word is lost.</summary>
    public static ProblemHttpResult ConflictProblem(WikiConflict conflict)
    {
        var problem = Problems.For(StatusCodes.Status409Conflict, "wiki.conflict",
            "Someone saved changes to the same lines meanwhile: nothing was saved. Resolve the marked text and send it again from latestNumber.");
        problem.Extensions["conflict"] = conflict;
        return TypedResults.Problem(problem);
    }

    private static async Task<Created<PageCreated>> CreateAsync(long id, PageRequest request, ClaimsPrincipal user, WikiService service, WikiReader reader, CancellationToken ct)
    {
        var viewer = user.RequireViewer();
        var page = await service.CreateAsync(viewer, id, new NewWikiPage(request.Title, request.Text, request.ParentId, request.IsTemplate ?? false, request.Summary), ct);
        var view = await reader.GetAsync(viewer, page, ct);
        return TypedResults.Created($"/api/v1/pages/{page}", new PageCreated(page, view.Path));
    }

    private static async Task<Results<Ok<WikiSaveResult>, ProblemHttpResult>> SaveAsync(long id, PageSaveRequest request, ClaimsPrincipal user, WikiService service, CancellationToken ct)
    {
        var result = await service.SaveAsync(user.RequireViewer(), id, new WikiSave(request.BaseNumber, request.Title, request.Text, request.Summary), ct);
        return result.Conflict is { } conflict ? ConflictProblem(conflict) : TypedResults.Ok(result);
    }

    private static async Task<Ok<VersionDiff>> DiffAsync(long id, string? from, string? to, ClaimsPrincipal user, WikiReader reader, CancellationToken ct) =>
        TypedResults.Ok(await reader.DiffAsync(user.RequireViewer(), id, Number(from), Number(to), ct));

    private static async Task<Created<PageCreated>> CommentAsync(long id, PageCommentRequest request, ClaimsPrincipal user, WikiService service, CancellationToken ct)
    {
        var comment = await service.CommentAsync(user.RequireViewer(), id, request.Body, ct);
        return TypedResults.Created($"/api/v1/pages/{id}", new PageCreated(comment, null));
    }

    private static async Task<Created<PageFileAttached>> AttachAsync(long id, IFormFile? file, [FromForm] string? altText, ClaimsPrincipal user, WikiService service, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            throw RucheException.Invalid("image.empty", "Choose a file.");
        }

        await using var stream = file.OpenReadStream();
        var fileId = await service.AttachAsync(user.RequireViewer(), id, stream, file.FileName, altText, ct);
        return TypedResults.Created($"/files/{fileId}", new PageFileAttached(fileId, $"/files/{fileId}"));
    }

    /// <summary>A revision number as the address writes it; null when it is not one (the reader refuses it once the page is found).</summary>
    public static int? Number(string? text) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;
}

public sealed record PageRequest(
    [property: MaxLength(WikiInputs.TitleMaxLength)] string? Title,
    [property: MaxLength(WikiInputs.TextMaxLength)] string? Text,
    long? ParentId,
    bool? IsTemplate,
    [property: MaxLength(WikiInputs.SummaryMaxLength)] string? Summary);

public sealed record PageSaveRequest(
    int? BaseNumber,
    [property: MaxLength(WikiInputs.TitleMaxLength)] string? Title,
    [property: MaxLength(WikiInputs.TextMaxLength)] string? Text,
    [property: MaxLength(WikiInputs.SummaryMaxLength)] string? Summary);

/// <param name="ParentId">The page to sit under (same space), or null for the top of the space.</param>
public sealed record PageParentRequest(long? ParentId);

public sealed record PageCommentRequest([property: StringLength(Limits.CommentBodyMaxLength, MinimumLength = 1)] string? Body);

public sealed record PageCreated(long Id, string? Path);

public sealed record PageFileAttached(Guid Id, string Path);
