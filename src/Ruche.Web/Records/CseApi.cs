using System.Security.Claims;
using Ruche.Core.Records;
using Ruche.Web.Auth;
using Ruche.Web.Dialogue;

namespace Ruche.Web.Records;

/// <summary>
/// The CSE and its minutes: the elected body (recorded by administrators under /admin), its meetings, the minutes the
/// secretary alone writes, remarks by the president and members, adoption, publication and the employer's answers.
/// </summary>
public static class CseApi
{
    public static RouteGroupBuilder MapCseApi(this RouteGroupBuilder api)
    {
        var cse = api.MapGroup("/cse").WithTags("CSE minutes");
        cse.MapGet("/", async (ClaimsPrincipal user, CseService service, CancellationToken ct) =>
            TypedResults.Ok(await service.ListAsync(user.RequireViewer(), ct))).WithName("ListCse");
        cse.MapGet("/{id:long}", async (long id, ClaimsPrincipal user, CseService service, CancellationToken ct) =>
            TypedResults.Ok(await service.GetAsync(user.RequireViewer(), id, ct))).WithName("GetCse");
        cse.MapPost("/{id:long}/meetings", async (long id, NewCseMeeting request, ClaimsPrincipal user, CseService service, CancellationToken ct) =>
        {
            var meeting = await service.ScheduleAsync(user.RequireViewer(), id, request, ct);
            return TypedResults.Created($"/api/v1/cse/meetings/{meeting}", new CreatedId(meeting));
        }).WithName("ScheduleCseMeeting");
        cse.MapGet("/meetings/{id:long}", async (long id, ClaimsPrincipal user, MinutesReader reader, CancellationToken ct) =>
            TypedResults.Ok(await reader.GetAsync(user.RequireViewer(), id, ct))).WithName("GetCseMeeting");
        cse.MapPut("/meetings/{id:long}/minutes", async (long id, MinutesText request, ClaimsPrincipal user, MinutesService service, CancellationToken ct) =>
        {
            await service.WriteAsync(user.RequireViewer(), id, request, ct);
            return TypedResults.NoContent();
        }).WithName("WriteCseMinutes");
        cse.MapPost("/meetings/{id:long}/remarks", async (long id, CseRemark request, ClaimsPrincipal user, MinutesService service, CancellationToken ct) =>
        {
            var remark = await service.RemarkAsync(user.RequireViewer(), id, request, ct);
            return TypedResults.Created($"/api/v1/cse/meetings/{id}", new CreatedId(remark));
        }).WithName("RemarkOnCseMinutes");
        cse.MapPost("/meetings/{id:long}/adoption", async (long id, MinutesAdoption request, ClaimsPrincipal user, MinutesService service, CancellationToken ct) =>
        {
            await service.AdoptAsync(user.RequireViewer(), id, request, ct);
            return TypedResults.NoContent();
        }).WithName("AdoptCseMinutes");
        cse.MapPost("/meetings/{id:long}/publication", async (long id, ClaimsPrincipal user, MinutesService service, CancellationToken ct) =>
        {
            await service.PublishAsync(user.RequireViewer(), id, ct);
            return TypedResults.NoContent();
        }).WithName("PublishCseMinutes");
        cse.MapPost("/meetings/{id:long}/answers", async (long id, CseRemark request, ClaimsPrincipal user, MinutesService service, CancellationToken ct) =>
        {
            var answer = await service.AnswerAsync(user.RequireViewer(), id, request, ct);
            return TypedResults.Created($"/api/v1/cse/meetings/{id}", new CreatedId(answer));
        }).WithName("AnswerCseMinutes");

        var admin = api.MapGroup("/admin").WithTags("Administration");
        admin.MapPost("/cse", async (NewCse request, ClaimsPrincipal user, CseService service, CancellationToken ct) =>
        {
            var id = await service.RecordAsync(user.RequireViewer(), request, ct);
            return TypedResults.Created($"/api/v1/cse/{id}", new CreatedId(id));
        }).WithName("RecordCse");
        admin.MapPut("/cse/{id:long}/deadlines", async (long id, CseDeadlines request, ClaimsPrincipal user, CseService service, CancellationToken ct) =>
        {
            await service.SetDeadlinesAsync(user.RequireViewer(), id, request, ct);
            return TypedResults.NoContent();
        }).WithName("SetCseDeadlines");
        return api;
    }
}
