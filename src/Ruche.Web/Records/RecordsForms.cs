using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Ruche.Core.Common;
using Ruche.Core.Profiles;
using Ruche.Core.Records;
using Ruche.Web.Auth;
using Ruche.Web.Hosting;

namespace Ruche.Web.Records;

/// <summary>The HTML forms of negotiation records and CSE minutes: the same services as the API, then back to the page (refilled when refused).</summary>
public static class RecordsForms
{
    public static IEndpointRouteBuilder MapRecordsForms(this IEndpointRouteBuilder app)
    {
        var records = app.MapGroup("/ui/records").ExcludeFromDescription();
        records.MapPost("/", ([FromForm] DraftForm form, ClaimsPrincipal user, NegotiationService service, ProfileService people, HttpContext http) =>
            FormResults.RunOrRefillAsync<RecordsPage>(new { TypedDraft = form }, async () =>
            {
                var direction = await HandlesAsync(people, form.Direction, http.RequestAborted);
                var draft = new NegotiationDraft(form.Title, form.Subject, form.Text, direction, form.Unions ?? [], form.AudienceSpaceId is > 0 ? form.AudienceSpaceId : null);
                return $"/records/{await service.DraftAsync(user.RequireViewer(), draft, http.RequestAborted)}";
            }));
        records.MapPost("/{id:long}", (long id, [FromForm] EditForm form, ClaimsPrincipal user, NegotiationService service, HttpContext http) =>
            FormResults.RunOrRefillAsync<RecordPage>(new { Id = id, TypedEdit = form }, async () =>
            {
                await service.EditAsync(user.RequireViewer(), id, new NegotiationEdit(form.Title, form.Subject, form.Text), http.RequestAborted);
                return $"/records/{id}?saved=record";
            }));
        records.MapPost("/{id:long}/submission", (long id, ClaimsPrincipal user, NegotiationService service, HttpContext http) =>
            FormResults.RunAsync(http, $"/records/{id}", async () => { await service.SubmitAsync(user.RequireViewer(), id, http.RequestAborted); return null; }));
        records.MapPost("/{id:long}/approvals", (long id, [FromForm] ApproveForm form, ClaimsPrincipal user, NegotiationApprovals service, HttpContext http) =>
            FormResults.RunAsync(http, $"/records/{id}", async () =>
            {
                await service.ApproveAsync(user.RequireViewer(), id, new NegotiationApproval(form.Version), http.RequestAborted);
                return null;
            }));

        var cse = app.MapGroup("/ui/cse").ExcludeFromDescription();
        cse.MapPost("/{id:long}/meetings", (long id, [FromForm] MeetingForm form, ClaimsPrincipal user, CseService service, HttpContext http) =>
            FormResults.RunOrRefillAsync<CsePage>(new { TypedMeeting = form }, async () =>
            {
                var held = DateTime.TryParse(form.HeldAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at) ? at : (DateTime?)null;
                return $"/cse/meetings/{await service.ScheduleAsync(user.RequireViewer(), id, new NewCseMeeting(form.Title, held, form.Kind), http.RequestAborted)}";
            }));
        cse.MapPost("/meetings/{id:long}/minutes", (long id, [FromForm] TextForm form, ClaimsPrincipal user, MinutesService service, HttpContext http) =>
            FormResults.RunOrRefillAsync<CseMeetingPage>(new { Id = id, TypedMinutes = form.Text }, async () =>
            {
                await service.WriteAsync(user.RequireViewer(), id, new MinutesText(form.Text), http.RequestAborted);
                return $"/cse/meetings/{id}?saved=minutes";
            }));
        cse.MapPost("/meetings/{id:long}/remarks", (long id, [FromForm] TextForm form, ClaimsPrincipal user, MinutesService service, HttpContext http) =>
            FormResults.RunOrRefillAsync<CseMeetingPage>(new { Id = id, TypedRemark = form.Text }, async () =>
            {
                await service.RemarkAsync(user.RequireViewer(), id, new CseRemark(form.Text), http.RequestAborted);
                return $"/cse/meetings/{id}#remarks";
            }));
        cse.MapPost("/meetings/{id:long}/answers", (long id, [FromForm] TextForm form, ClaimsPrincipal user, MinutesService service, HttpContext http) =>
            FormResults.RunOrRefillAsync<CseMeetingPage>(new { Id = id, TypedAnswer = form.Text }, async () =>
            {
                await service.AnswerAsync(user.RequireViewer(), id, new CseRemark(form.Text), http.RequestAborted);
                return $"/cse/meetings/{id}#answers";
            }));
        cse.MapPost("/meetings/{id:long}/adoption", (long id, [FromForm] AdoptionForm form, ClaimsPrincipal user, MinutesService service, HttpContext http) =>
            FormResults.RunOrRefillAsync<CseMeetingPage>(new { Id = id, TypedAdoption = form }, async () =>
            {
                await service.AdoptAsync(user.RequireViewer(), id, new MinutesAdoption(form.AtMeetingId, form.VotesFor, form.VotesAgainst, form.VotesAbstaining), http.RequestAborted);
                return $"/cse/meetings/{id}?saved=adoption";
            }));
        cse.MapPost("/meetings/{id:long}/publication", (long id, ClaimsPrincipal user, MinutesService service, HttpContext http) =>
            FormResults.RunAsync(http, $"/cse/meetings/{id}", async () => { await service.PublishAsync(user.RequireViewer(), id, http.RequestAborted); return null; }));
        return app;
    }

    /// <summary>Direction parties by handle ("claire.dubois, @marc.lefevre"); a handle nobody has is refused.</summary>
    private static async Task<List<long>> HandlesAsync(ProfileService people, string? handles, CancellationToken cancellationToken)
    {
        var names = (handles ?? string.Empty).Split([',', ';', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(h => h.TrimStart('@')).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (names.Count > RecordsLimits.PartiesMax)
        {
            throw RucheException.Invalid("records.direction-invalid", "Too many direction parties.");
        }

        var found = await people.IdsByHandleAsync(names, cancellationToken);
        return found.Count == names.Count ? [.. found.Values] : throw RucheException.Invalid("records.direction-invalid", "No such person.");
    }
}

/// <summary>Fields of an HTML form; a field the browser leaves out binds as its default.</summary>
public sealed record DraftForm
{
    public string? Title { get; init; }

    public string? Subject { get; init; }

    public string? Text { get; init; }

    public string? Direction { get; init; }

    public List<long>? Unions { get; init; }

    public long? AudienceSpaceId { get; init; }
}

/// <summary>Fields of an HTML form; a field the browser leaves out binds as its default.</summary>
public sealed record EditForm
{
    public string? Title { get; init; }

    public string? Subject { get; init; }

    public string? Text { get; init; }
}

/// <summary>Fields of an HTML form; a field the browser leaves out binds as its default.</summary>
public sealed record ApproveForm
{
    public int Version { get; init; }
}

/// <summary>Fields of an HTML form; a field the browser leaves out binds as its default.</summary>
public sealed record MeetingForm
{
    public string? Title { get; init; }

    public string? HeldAt { get; init; }

    public string? Kind { get; init; }
}

/// <summary>Fields of an HTML form; a field the browser leaves out binds as its default.</summary>
public sealed record TextForm
{
    public string? Text { get; init; }
}

/// <summary>Fields of an HTML form; a field the browser leaves out binds as its default.</summary>
public sealed record AdoptionForm
{
    public long AtMeetingId { get; init; }

    public int VotesFor { get; init; }

    public int VotesAgainst { get; init; }

    public int VotesAbstaining { get; init; }
}
