using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Ruche.Core.Common;
using Ruche.Core.Wiki;
using Ruche.Web.Auth;
using Ruche.Web.Files;
using Ruche.Web.Hosting;

namespace Ruche.Web.Wiki;

/// <summary>The HTML forms of pages; they call the same services as the API.</summary>
public static class WikiForms
{
    public static IEndpointRouteBuilder MapWikiForms(this IEndpointRouteBuilder app)
    {
        var ui = app.MapGroup("/ui").ExcludeFromDescription();
        ui.MapPost("/spaces/{spaceId:long}/pages", CreateAsync);
        ui.MapPost("/pages/{id:long}/save", SaveAsync);
        ui.MapPost("/pages/{id:long}/restore", (long id, [FromForm] WikiRestoreForm form, ClaimsPrincipal user, WikiService pages, HttpContext http) =>
            FormResults.RunAsync(http, form.ReturnUrl, async () =>
            {
                var result = await pages.RestoreAsync(user.RequireViewer(), id, form.Number ?? 0, http.RequestAborted);
                return $"{result.Path}?saved=restored";
            }));
        ui.MapPost("/pages/{id:long}/parent", (long id, [FromForm] WikiMoveForm form, ClaimsPrincipal user, WikiTreeService tree, WikiReader reader, HttpContext http) =>
            FormResults.RunAsync(http, form.ReturnUrl, async () =>
            {
                var viewer = user.RequireViewer();
                await tree.MoveAsync(viewer, id, form.ParentId is > 0 ? form.ParentId : null, http.RequestAborted);
                return $"{(await reader.GetAsync(viewer, id, http.RequestAborted)).Path}?saved=moved";
            }));
        ui.MapPost("/pages/{id:long}/delete", (long id, [FromForm] WikiDeleteForm form, ClaimsPrincipal user, WikiTreeService tree, HttpContext http) =>
            FormResults.RunAsync(http, form.ReturnUrl, async () =>
                $"{WikiPaths.Space(await tree.DeleteAsync(user.RequireViewer(), id, http.RequestAborted))}?saved=deleted"));
        ui.MapPost("/pages/{id:long}/comments", (long id, [FromForm] WikiCommentForm form, ClaimsPrincipal user, WikiService pages, HttpContext http) =>
            FormResults.RunAsync(http, form.ReturnUrl, async () =>
            {
                var comment = await pages.CommentAsync(user.RequireViewer(), id, form.Body, http.RequestAborted);
                return $"{FormResults.Safe(form.ReturnUrl)}#comment-{comment.ToString(CultureInfo.InvariantCulture)}";
            }));
        ui.MapPost("/pages/{id:long}/files", (long id, [FromForm] WikiFileForm form, IFormFile? file, ClaimsPrincipal user, WikiService pages, HttpContext http) =>
            FormResults.RunAsync(http, form.ReturnUrl, async () =>
            {
                if (file is null || file.Length == 0)
                {
                    throw RucheException.Invalid("image.empty", "Choose a file.");
                }

                await using var stream = file.OpenReadStream();
                await pages.AttachAsync(user.RequireViewer(), id, stream, file.FileName, form.AltText, http.RequestAborted);
                return $"{FormResults.Safe(form.ReturnUrl)}#files";
            })).AcceptsOneUpload();
        ui.MapPost("/pages/{id:long}/editing", async (long id, ClaimsPrincipal user, WikiService pages, HttpContext http) =>
        {
            await pages.EditingAsync(user.RequireViewer(), id, http.RequestAborted);
            return Results.NoContent();
        });
        return app;
    }

    private static Task<IResult> CreateAsync(long spaceId, [FromForm] WikiPageForm form, ClaimsPrincipal user, WikiService pages, WikiReader reader, HttpContext http) =>
        FormResults.RunOrRefillAsync<WikiEditPage>(new { SpaceId = spaceId, Typed = form }, async () =>
        {
            var viewer = user.RequireViewer();
            var id = await pages.CreateAsync(viewer, spaceId, new NewWikiPage(form.Title, form.Text, form.ParentId is > 0 ? form.ParentId : null, form.IsTemplate, form.Summary), http.RequestAborted);
            return (await reader.GetAsync(viewer, id, http.RequestAborted)).Path;
        });

    /// <summary>
    /// Saves; a merge goes to the page saying what it took in, a conflict answers with the editor again showing both
    /// texts and the marked one (409), a refusal with what was typed.
    /// </summary>
    private static async Task<IResult> SaveAsync(long id, [FromForm] WikiPageForm form, ClaimsPrincipal user, WikiService pages, HttpContext http)
    {
        var again = new { SpaceId = form.SpaceId ?? 0, Key = id.ToString(CultureInfo.InvariantCulture), Typed = form };
        try
        {
            var result = await pages.SaveAsync(user.RequireViewer(), id, new WikiSave(form.BaseNumber, form.Title, form.Text, form.Summary), http.RequestAborted);
            return result.Outcome switch
            {
                WikiSaveOutcome.Conflict => FormResults.Page<WikiEditPage>(
                    new { again.SpaceId, again.Key, again.Typed, Conflict = result.Conflict }, StatusCodes.Status409Conflict),
                WikiSaveOutcome.Merged => Results.LocalRedirect(FormResults.Safe($"{result.Path}?merged={string.Join('-', result.MergedRevisions.Select(r => r.Number.ToString(CultureInfo.InvariantCulture)))}")),
                _ => Results.LocalRedirect(FormResults.Safe($"{result.Path}?saved=page")),
            };
        }
        catch (RucheException refused)
        {
            return FormResults.Page<WikiEditPage>(again, Problems.StatusOf(refused.Kind), refused.Code);
        }
    }
}

/// <summary>Fields of an HTML form; a field the browser leaves out (an unticked box) binds as its default.</summary>
public sealed record WikiPageForm
{
    public long? SpaceId { get; init; }

    public int? BaseNumber { get; init; }

    public string? Title { get; init; }

    public string? Text { get; init; }

    public string? Summary { get; init; }

    public long? ParentId { get; init; }

    public bool IsTemplate { get; init; }
}

/// <summary>Fields of an HTML form.</summary>
public sealed record WikiRestoreForm
{
    public int? Number { get; init; }

    public string? ReturnUrl { get; init; }
}

/// <summary>Fields of an HTML form; an empty parent puts the page at the top of its space.</summary>
public sealed record WikiMoveForm
{
    public long? ParentId { get; init; }

    public string? ReturnUrl { get; init; }
}

/// <summary>Fields of an HTML form.</summary>
public sealed record WikiDeleteForm
{
    public string? ReturnUrl { get; init; }
}

/// <summary>Fields of an HTML form.</summary>
public sealed record WikiCommentForm
{
    public string? Body { get; init; }

    public string? ReturnUrl { get; init; }
}

/// <summary>Fields of an HTML form.</summary>
public sealed record WikiFileForm
{
    public string? AltText { get; init; }

    public string? ReturnUrl { get; init; }
}
