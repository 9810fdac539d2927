using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Ruche.Core.Bdese;
using Ruche.Core.Common;
using Ruche.Web.Auth;

namespace Ruche.Web.Bdese;

/// <summary>
/// The BDESE's API: the same services as the pages. Anyone who is not a representative, a delegate or the direction
/// gets 404 on every route; a reader who is not the direction gets 403 on writes. Every item read is logged as "api".
/// </summary>
public static class BdeseApi
{
    public static RouteGroupBuilder MapBdeseApi(this RouteGroupBuilder api)
    {
        var bdese = api.MapGroup("/bdese").WithTags("BDESE");
        bdese.MapGet("/", async (ClaimsPrincipal user, BdeseLibrary library, CancellationToken ct) =>
            TypedResults.Ok(await library.OverviewAsync(user.RequireViewer(), ct))).WithName("GetBdeseOverview");
        bdese.MapGet("/{theme}/{year:int}", async (string theme, int year, ClaimsPrincipal user, BdeseLibrary library, CancellationToken ct) =>
            TypedResults.Ok(await library.ShelfAsync(user.RequireViewer(), theme, year, ct))).WithName("GetBdeseShelf");
        bdese.MapGet("/items/{id:long}", async (long id, int? version, ClaimsPrincipal user, BdeseLibrary library, CancellationToken ct) =>
            TypedResults.Ok(await library.ReadAsync(user.RequireViewer(), id, version, BdeseReadWay.Api, ct))).WithName("GetBdeseItem");
        bdese.MapGet("/items/{id:long}/pdf", async (long id, int? version, ClaimsPrincipal user, BdeseLibrary library, CancellationToken ct) =>
            BdeseDownloads.File(await library.DownloadAsync(user.RequireViewer(), id, version, ct))).WithName("DownloadBdeseItemFromApi");
        bdese.MapGet("/log", async (long? item, string? cursor, ClaimsPrincipal user, BdeseReadLog log, CancellationToken ct) =>
            TypedResults.Ok(await log.ListAsync(user.RequireViewer(), item, cursor, ct))).WithName("GetBdeseReadLog");
        bdese.MapPost("/items", CreateTableAsync).WithName("CreateBdeseTable");
        bdese.MapPut("/items/{id:long}", SaveTableAsync).WithName("SaveBdeseTable");
        bdese.MapPost("/documents", CreateDocumentAsync).WithName("CreateBdeseDocument").DisableAntiforgery();
        bdese.MapPut("/documents/{id:long}", SaveDocumentAsync).WithName("SaveBdeseDocument").DisableAntiforgery();
        return api;
    }

    private static async Task<Created<BdeseSaved>> CreateTableAsync(BdeseTableRequest request, ClaimsPrincipal user, BdeseEditor editor, CancellationToken ct)
    {
        var viewer = user.RequireViewer();
        BdeseAccess.RequireWriter(viewer);
        var id = await editor.CreateTableAsync(viewer, request.Draft(), request.TableOrNull(), ct);
        return TypedResults.Created($"/api/v1/bdese/items/{id}", new BdeseSaved(id, 1));
    }

    private static async Task<Ok<BdeseSaved>> SaveTableAsync(long id, BdeseTableRequest request, ClaimsPrincipal user, BdeseEditor editor, CancellationToken ct)
    {
        var viewer = user.RequireViewer();
        BdeseAccess.RequireWriter(viewer);
        var version = await editor.SaveTableAsync(viewer, id, request.Draft(), request.TableOrNull(), ct);
        return TypedResults.Ok(new BdeseSaved(id, version));
    }

    private static async Task<Created<BdeseSaved>> CreateDocumentAsync([FromForm] BdeseDocumentFields fields, IFormFile? file, ClaimsPrincipal user, BdeseEditor editor, CancellationToken ct)
    {
        var viewer = user.RequireViewer();
        BdeseAccess.RequireWriter(viewer);
        var id = await editor.CreateDocumentAsync(viewer, fields.Draft(), await BdeseDownloads.ReadAsync(file, ct), file?.FileName, ct);
        return TypedResults.Created($"/api/v1/bdese/items/{id}", new BdeseSaved(id, 1));
    }

    private static async Task<Ok<BdeseSaved>> SaveDocumentAsync(long id, [FromForm] BdeseDocumentFields fields, IFormFile? file, ClaimsPrincipal user, BdeseEditor editor, CancellationToken ct)
    {
        var viewer = user.RequireViewer();
        BdeseAccess.RequireWriter(viewer);
        var version = await editor.SaveDocumentAsync(viewer, id, fields.Draft(), await BdeseDownloads.ReadAsync(file, ct), file?.FileName, ct);
        return TypedResults.Ok(new BdeseSaved(id, version));
    }
}

public sealed record BdeseSaved(long Id, int Version);

/// <param name="Table">Columns (years, categories) and rows of numbers; null cells are empty.</param>
public sealed record BdeseTableRequest(string? Theme, int? Year, string? Title, string? ConfidentialReason, DateOnly? ConfidentialUntil, BdeseTableInput? Table)
{
    public BdeseDraft Draft() => new(Theme, Year, Title, ConfidentialReason, ConfidentialUntil);

    /// <summary>The table checked as sent (malformed: refused with bdese.table-invalid before anything changes).</summary>
    public BdeseTable? TableOrNull() => Table is null ? null : BdeseTable.Validate(Table.LabelHeader, Table.Columns, Table.Rows);
}

public sealed record BdeseTableInput(string? LabelHeader, IReadOnlyList<string?>? Columns, IReadOnlyList<BdeseRowInput?>? Rows);

/// <summary>The fields sent with a PDF (multipart form); the date as yyyy-MM-dd.</summary>
public sealed record BdeseDocumentFields
{
    public string? Theme { get; init; }

    public string? Year { get; init; }

    public string? Title { get; init; }

    public string? ConfidentialReason { get; init; }

    public string? ConfidentialUntil { get; init; }

    public BdeseDraft Draft() => new(Theme, BdeseDownloads.Number(Year), Title, ConfidentialReason, BdeseDownloads.Day(ConfidentialUntil));
}
