using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Ruche.Core.Common;
using Ruche.Core.Profiles;
using Ruche.Core.Recognition;
using Ruche.Web.Auth;
using Ruche.Web.Hosting;
using Ruche.Web.Ideas;

namespace Ruche.Web.Recognition;

/// <summary>The HTML forms of recognition; they call the same services as the API.</summary>
public static class RecognitionForms
{
    public static IEndpointRouteBuilder MapRecognitionForms(this IEndpointRouteBuilder app)
    {
        var ui = app.MapGroup("/ui").ExcludeFromDescription();
        ui.MapPost("/kudos", GiveAsync);
        ui.MapPost("/kudos/{id:long}/withdraw", (long id, [FromForm] RecognitionToggleForm form, ClaimsPrincipal user, KudosService kudos, HttpContext http) =>
            FormResults.RunAsync(http, form.ReturnUrl, async () => { await kudos.WithdrawAsync(user.RequireViewer(), id, http.RequestAborted); return null; }));
        ui.MapPost("/kudos/preference", ([FromForm] RecognitionToggleForm form, ClaimsPrincipal user, RecognitionPreferences preferences, HttpContext http) =>
            FormResults.RunAsync(http, form.ReturnUrl, async () => { await preferences.SetShowKudosInFeedsAsync(user.RequireViewer(), form.On == "true", http.RequestAborted); return null; }));
        ui.MapPost("/kudos/values", ([FromForm] ValueForm form, ClaimsPrincipal user, CompanyValueService values, HttpContext http) =>
            FormResults.RunAsync(http, "/kudos/values", async () =>
            {
                var id = await values.AddAsync(user.RequireViewer(), new ValueInput(form.LabelFr, form.LabelEn, form.Position), http.RequestAborted);
                return $"/kudos/values#value-{id}";
            }));
        ui.MapPost("/kudos/values/{id:long}", (long id, [FromForm] ValueForm form, ClaimsPrincipal user, CompanyValueService values, HttpContext http) =>
            FormResults.RunAsync(http, "/kudos/values", async () =>
            {
                await values.UpdateAsync(user.RequireViewer(), id, new ValueInput(form.LabelFr, form.LabelEn, form.Position, form.Archived == "true"), http.RequestAborted);
                return $"/kudos/values#value-{id}";
            }));
        ui.MapPost("/comments/{id:long}/helpful", ([FromRoute] long id, [FromForm] RecognitionToggleForm form, ClaimsPrincipal user, QuestionService questions, HttpContext http) =>
            FormResults.RunAsync(http, form.ReturnUrl, async () =>
            {
                await questions.MarkHelpfulAsync(user.RequireViewer(), id, form.On == "true", http.RequestAborted);
                return $"{FormResults.Safe(form.ReturnUrl)}#comment-{id}";
            }));
        ui.MapPost("/comments/{id:long}/best", ([FromRoute] long id, [FromForm] RecognitionToggleForm form, ClaimsPrincipal user, QuestionService questions, HttpContext http) =>
            FormResults.RunAsync(http, form.ReturnUrl, async () =>
            {
                await questions.MarkBestAsync(user.RequireViewer(), id, form.On == "true", http.RequestAborted);
                return $"{FormResults.Safe(form.ReturnUrl)}#comment-{id}";
            }));
        return app;
    }

    /// <summary>Gives kudos; refused, the wall comes back with the form filled as typed and why.</summary>
    private static Task<IResult> GiveAsync([FromForm] KudosForm form, ClaimsPrincipal user, KudosService kudos, ProfileService people, HttpContext http) =>
        FormResults.RunOrRefillAsync<KudosWallPage>(new { Typed = form }, async () =>
        {
            var person = form.SpaceId is > 0 ? null : await IdeaForms.PersonAsync(people, form.To, "kudos.recipient-unknown", http.RequestAborted);
            var id = await kudos.GiveAsync(user.RequireViewer(), new NewKudos(person, form.SpaceId is > 0 ? form.SpaceId : null, form.ValueId, form.Message), http.RequestAborted);
            return $"/kudos#kudos-{id}";
        });
}

/// <summary>Fields of an HTML form; a field the browser leaves out binds as its default.</summary>
public sealed record KudosForm
{
    /// <summary>The colleague thanked, by handle (@ana) or full name.</summary>
    public string? To { get; init; }

    /// <summary>The team space thanked instead of a colleague.</summary>
    public long? SpaceId { get; init; }

    public long? ValueId { get; init; }

    public string? Message { get; init; }
}

/// <summary>Fields of an HTML form.</summary>
public sealed record RecognitionToggleForm
{
    public string? On { get; init; }

    public string? ReturnUrl { get; init; }
}

/// <summary>Fields of an HTML form.</summary>
public sealed record ValueForm
{
    public string? LabelFr { get; init; }

    public string? LabelEn { get; init; }

    public int? Position { get; init; }

    public string? Archived { get; init; }
}
