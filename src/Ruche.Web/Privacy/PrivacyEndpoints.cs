using System.Security.Claims;
using Ruche.Core.PersonalData;
using Ruche.Core.Privacy;
using Ruche.Web.Auth;

namespace Ruche.Web.Privacy;

public static class PrivacyEndpoints
{
    /// <summary>The person's own data as a zip: from the settings page (cookie) and from the API (token).</summary>
    public static IEndpointRouteBuilder MapPrivacy(this IEndpointRouteBuilder app, RouteGroupBuilder api)
    {
        app.MapGet("/settings/export.zip", DownloadAsync).WithName("DownloadMyDataPage").ExcludeFromDescription();
        api.MapGet("/me/visibility", async (ClaimsPrincipal user, WhoSeesWhat whoSeesWhat, CancellationToken ct) =>
            TypedResults.Ok(await whoSeesWhat.DescribeAsync(user.RequireViewer(), ct))).WithTags("Privacy").WithName("WhoSeesWhat");
        api.MapGet("/me/export", DownloadAsync).WithTags("Privacy").WithName("DownloadMyData").Produces(StatusCodes.Status200OK, contentType: "application/zip");
        return app;
    }

    private static async Task<IResult> DownloadAsync(ClaimsPrincipal user, PersonalDataExport export, CancellationToken ct)
    {
        // The zip is written to a temporary file first: Kestrel forbids the synchronous writes ZipArchive ends with.
        var file = new FileStream(Path.GetTempFileName(), FileMode.Open, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await export.WriteZipAsync(user.RequireViewer(), file, ct);
        file.Position = 0;
        return Results.File(file, "application/zip", "ruche-mes-donnees.zip");
    }
}
