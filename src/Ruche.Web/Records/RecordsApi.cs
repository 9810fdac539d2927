using System.Security.Claims;
using Ruche.Core.Common;
using Ruche.Core.Records;
using Ruche.Web.Auth;
using Ruche.Web.Dialogue;

namespace Ruche.Web.Records;

/// <summary>
/// Negotiation records: list (by status), draft, co-edit (every save a version), submit, approve (published at once when
/// every party approved) and diffs between versions. Parties read drafts; the audience reads published records.
/// </summary>
public static class RecordsApi
{
    public static RouteGroupBuilder MapRecordsApi(this RouteGroupBuilder api)
    {
        var records = api.MapGroup("/records").WithTags("Negotiation records");
        records.MapGet("/", async (string? status, ClaimsPrincipal user, NegotiationReader reader, CancellationToken ct) =>
            TypedResults.Ok(await reader.ListAsync(user.RequireViewer(), StatusFrom(status), ct))).WithName("ListNegotiationRecords");
        records.MapPost("/", async (NegotiationDraft request, ClaimsPrincipal user, NegotiationService service, CancellationToken ct) =>
        {
            var id = await service.DraftAsync(user.RequireViewer(), request, ct);
            return TypedResults.Created($"/api/v1/records/{id}", new CreatedId(id));
        }).WithName("DraftNegotiationRecord");
        records.MapGet("/{id:long}", async (long id, ClaimsPrincipal user, NegotiationReader reader, CancellationToken ct) =>
            TypedResults.Ok(await reader.GetAsync(user.RequireViewer(), id, ct))).WithName("GetNegotiationRecord");
        records.MapPut("/{id:long}", async (long id, NegotiationEdit request, ClaimsPrincipal user, NegotiationService service, CancellationToken ct) =>
        {
            await service.EditAsync(user.RequireViewer(), id, request, ct);
            return TypedResults.NoContent();
        }).WithName("EditNegotiationRecord");
        records.MapPost("/{id:long}/submission", async (long id, ClaimsPrincipal user, NegotiationService service, CancellationToken ct) =>
        {
            await service.SubmitAsync(user.RequireViewer(), id, ct);
            return TypedResults.NoContent();
        }).WithName("SubmitNegotiationRecord");
        records.MapPost("/{id:long}/approvals", async (long id, NegotiationApproval request, ClaimsPrincipal user, NegotiationApprovals service, CancellationToken ct) =>
        {
            await service.ApproveAsync(user.RequireViewer(), id, request, ct);
            return TypedResults.NoContent();
        }).WithName("ApproveNegotiationRecord");
        records.MapGet("/{id:long}/diff", async (long id, string? from, string? to, ClaimsPrincipal user, NegotiationReader reader, CancellationToken ct) =>
            TypedResults.Ok(await reader.DiffAsync(user.RequireViewer(), id, VersionFrom(from), VersionFrom(to), ct))).WithName("DiffNegotiationRecord");
        return api;
    }

    /// <summary>A status named in the address (draft, review, approved, published); anything else is refused.</summary>
    public static NegotiationStatus? StatusFrom(string? status) =>
        string.IsNullOrEmpty(status) ? null
        : Enum.TryParse<NegotiationStatus>(status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(status, out _) ? parsed
        : throw RucheException.Invalid("records.status-invalid", "Unknown status.");

    private static int VersionFrom(string? text) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version)
            ? version
            : throw RucheException.Invalid("records.version-invalid", "Name two versions by number.");
}
