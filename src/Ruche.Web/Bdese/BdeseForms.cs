using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Ruche.Core.Bdese;
using Ruche.Web.Auth;
using Ruche.Web.Hosting;

namespace Ruche.Web.Bdese;

/// <summary>The direction's HTML forms: a new item and each new version. Refused, the form comes back with what was typed.</summary>
public static class BdeseForms
{
    public static IEndpointRouteBuilder MapBdeseForms(this IEndpointRouteBuilder app)
    {
        var ui = app.MapGroup("/ui/bdese").ExcludeFromDescription();
        ui.MapPost("/items", CreateAsync);
        ui.MapPost("/items/{id:long}", SaveAsync);
        return app;
    }

    private static Task<IResult> CreateAsync([FromForm] BdeseItemForm form, ClaimsPrincipal user, BdeseEditor editor, HttpContext http) =>
        FormResults.RunOrRefillAsync<BdeseEditPage>(new { Typed = form }, async () =>
        {
            var viewer = user.RequireViewer();
            BdeseAccess.RequireWriter(viewer);
            var draft = form.Draft();
            var file = UploadedFile(http);
            var id = form.Kind == "document"
                ? await editor.CreateDocumentAsync(viewer, draft, await BdeseDownloads.ReadAsync(file, http.RequestAborted), file?.FileName, http.RequestAborted)
                : await editor.CreateTableAsync(viewer, draft, BdeseTable.Parse(form.Table), http.RequestAborted);
            return $"/bdese/items/{id}?saved=1";
        });

    private static Task<IResult> SaveAsync(long id, [FromForm] BdeseItemForm form, ClaimsPrincipal user, BdeseEditor editor, HttpContext http) =>
        FormResults.RunOrRefillAsync<BdeseEditPage>(new { Id = id, Typed = form }, async () =>
        {
            var viewer = user.RequireViewer();
            BdeseAccess.RequireWriter(viewer);
            var draft = form.Draft();
            var file = UploadedFile(http);
            _ = form.Kind == "document"
                ? await editor.SaveDocumentAsync(viewer, id, draft, await BdeseDownloads.ReadAsync(file, http.RequestAborted), file?.FileName, http.RequestAborted)
                : await editor.SaveTableAsync(viewer, id, draft, BdeseTable.Parse(form.Table), http.RequestAborted);
            return $"/bdese/items/{id}?saved=1";
        });

    /// <summary>The PDF of a multipart form; none for a form sent without one (or urlencoded, as a test or a script may).</summary>
    private static IFormFile? UploadedFile(HttpContext http) => http.Request.HasFormContentType ? http.Request.Form.Files.GetFile("file") : null;
}

/// <summary>Fields of the item form; a field the browser leaves out binds as its default.</summary>
public sealed record BdeseItemForm
{
    public string? Theme { get; init; }

    public string? Year { get; init; }

    /// <summary>"table" or "document".</summary>
    public string? Kind { get; init; }

    public string? Title { get; init; }

    /// <summary>The table as typed: one line per row, cells separated by semicolons or tabs.</summary>
    public string? Table { get; init; }

    public string? ConfidentialReason { get; init; }

    public string? ConfidentialUntil { get; init; }

    public BdeseDraft Draft() => new(Theme, BdeseDownloads.Number(Year), Title, ConfidentialReason, BdeseDownloads.Day(ConfidentialUntil));
}
