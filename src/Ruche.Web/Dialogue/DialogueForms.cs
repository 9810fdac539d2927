using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Ruche.Core.Common;
using Ruche.Core.Dialogue;
using Ruche.Core.Profiles;
using Ruche.Web.Auth;
using Ruche.Web.Hosting;

namespace Ruche.Web.Dialogue;

/// <summary>The HTML forms of social dialogue: the same services as <see cref="DialogueApi"/>, then back to the page.</summary>
public static class DialogueForms
{
    public static IEndpointRouteBuilder MapDialogueForms(this IEndpointRouteBuilder app)
    {
        var ui = app.MapGroup("/ui/unions").ExcludeFromDescription();
        ui.MapPost("/{id:long}/choice", (long id, [FromForm] ChoiceForm form, ClaimsPrincipal user, BroadcastChoices choices, HttpContext http) =>
            FormResults.RunAsync(http, form.ReturnUrl, async () => { await choices.SetAsync(user.RequireViewer(), id, UnionChannels.Parse(form.Channel), form.Accepts, http.RequestAborted); return null; }));
        ui.MapPost("/{id:long}/broadcasts", (long id, [FromForm] BroadcastForm form, ClaimsPrincipal user, BroadcastService broadcasts, HttpContext http) =>
            FormResults.RunOrRefillAsync<UnionPage>(new { Id = id, TypedBroadcast = form }, async () =>
                $"/unions/broadcasts/{await broadcasts.SendAsync(user.RequireViewer(), id, new NewBroadcast(form.Title, form.Body, form.Audience()), http.RequestAborted)}"));
        ui.MapPost("/{id:long}/questions", (long id, [FromForm] QuestionForm form, ClaimsPrincipal user, UnionQuestionService questions, HttpContext http) =>
            FormResults.RunOrRefillAsync<UnionPage>(new { Id = id, TypedQuestion = form.Body }, async () =>
                $"/unions/questions/{await questions.AskAsync(user.RequireViewer(), id, form.Body, http.RequestAborted)}"));
        ui.MapPost("/questions/{id:long}/replies", (long id, [FromForm] QuestionForm form, ClaimsPrincipal user, UnionQuestionService questions, HttpContext http) =>
            FormResults.RunOrRefillAsync<UnionQuestionPage>(new { Id = id, TypedReply = form.Body }, async () =>
            {
                await questions.ReplyAsync(user.RequireViewer(), id, form.Body, http.RequestAborted);
                return $"/unions/questions/{id}";
            }));

        ui.MapPost("/takedowns/{id:long}/contest", (long id, [FromForm] ContestForm form, ClaimsPrincipal user, TakedownService takedowns, HttpContext http) =>
            FormResults.RunOrRefillAsync<TakedownPage>(new { Id = id, TypedContest = form.Text }, async () =>
            {
                await takedowns.ContestAsync(user.RequireViewer(), id, form.Text, http.RequestAborted);
                return $"/unions/takedowns/{id}";
            }));

        var admin = app.MapGroup("/ui/admin").ExcludeFromDescription();
        admin.MapPost("/union-takedowns", (HttpContext http, [FromForm] TakedownForm form, ClaimsPrincipal user, TakedownService takedowns) =>
            FormResults.RunOrRefillAsync<UnionPage>(new { Id = form.UnionId, TypedTakedown = form }, async () =>
                $"/unions/takedowns/{await takedowns.TakeDownAsync(user.RequireViewer(), form.PostId ?? 0, form.Reason, form.LegalBasis, http.RequestAborted)}"));
        admin.MapPost("/unions", (HttpContext http, [FromForm] UnionForm form, ClaimsPrincipal user, UnionService unions, ProfileService people) =>
            FormResults.RunOrRefillAsync<UnionsAdminPage>(new { TypedUnion = form }, async () =>
            {
                await unions.RecordAsync(user.RequireViewer(), new NewUnion(form.Name, await HandlesAsync(people, form.Delegates, http.RequestAborted)), http.RequestAborted);
                return "/admin/unions?saved=union";
            }));
        admin.MapPost("/unions/{id:long}/delegates", (long id, HttpContext http, [FromForm] UnionForm form, ClaimsPrincipal user, UnionService unions, ProfileService people) =>
            FormResults.RunAsync(http, "/admin/unions", async () =>
            {
                await unions.SetDelegatesAsync(user.RequireViewer(), id, await HandlesAsync(people, form.Delegates, http.RequestAborted), http.RequestAborted);
                return "/admin/unions?saved=delegates";
            }));
        admin.MapPost("/union-agreements", (HttpContext http, [FromForm] AgreementForm form, ClaimsPrincipal user, AgreementService agreements) =>
            FormResults.RunOrRefillAsync<UnionsAdminPage>(new { TypedAgreement = form }, async () =>
            {
                await agreements.RecordAsync(user.RequireViewer(), form.ToRequest(), http.RequestAborted);
                return "/admin/unions?saved=agreement";
            }));
        return app;
    }

    /// <summary>Delegates by handle ("karim.benali, @lea.martin"); a handle nobody has is refused, naming nothing else.</summary>
    private static async Task<List<long>> HandlesAsync(ProfileService people, string? handles, CancellationToken cancellationToken)
    {
        var names = (handles ?? string.Empty).Split([',', ';', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(h => h.TrimStart('@')).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (names.Count > DialogueLimits.DelegatesMax)
        {
            throw RucheException.Invalid("dialogue.delegates-invalid", $"A union has 1 to {DialogueLimits.DelegatesMax} delegates.");
        }

        var found = await people.IdsByHandleAsync(names, cancellationToken);
        return found.Count == names.Count ? [.. found.Values] : throw RucheException.NotFound("person.not-found", "No such person.");
    }
}

/// <summary>Fields of an HTML form; a field the browser leaves out binds as its default.</summary>
public sealed record TakedownForm
{
    public long UnionId { get; init; }

    public long? PostId { get; init; }

    public string? Reason { get; init; }

    public string? LegalBasis { get; init; }
}

/// <summary>Fields of an HTML form; a field the browser leaves out binds as its default.</summary>
public sealed record ContestForm
{
    public string? Text { get; init; }
}

/// <summary>Fields of an HTML form; a field the browser leaves out binds as its default.</summary>
public sealed record ChoiceForm
{
    public bool Accepts { get; init; }

    /// <summary>"broadcasts" (also when left out) or "polls".</summary>
    public string? Channel { get; init; }

    public string? ReturnUrl { get; init; }
}

/// <summary>Fields of an HTML form; a field the browser leaves out binds as its default.</summary>
public sealed record BroadcastForm
{
    public string? Title { get; init; }

    public string? Body { get; init; }

    public string? SiteId { get; init; }

    public string? DepartmentId { get; init; }

    public string? JobCategory { get; init; }

    public string? Topic { get; init; }

    public Ruche.Core.Targeting.Audience Audience() => Targeting.AudienceForm.Read(SiteId, DepartmentId, JobCategory, Topic);

    public Ruche.Core.Targeting.Audience TypedAudience() => Targeting.AudienceForm.Typed(SiteId, DepartmentId, JobCategory, Topic);
}

/// <summary>Fields of an HTML form; a field the browser leaves out binds as its default.</summary>
public sealed record QuestionForm
{
    public string? Body { get; init; }
}

/// <summary>Fields of an HTML form; a field the browser leaves out binds as its default.</summary>
public sealed record UnionForm
{
    public string? Name { get; init; }

    /// <summary>Handles, separated by commas or spaces.</summary>
    public string? Delegates { get; init; }
}

/// <summary>Fields of an HTML form; a field the browser leaves out (an unticked box) binds as its default.</summary>
public sealed record AgreementForm
{
    public string? Title { get; init; }

    public string? ValidFrom { get; init; }

    public string? ValidUntil { get; init; }

    public bool Broadcasts { get; init; }

    public bool Polls { get; init; }

    public bool Documents { get; init; }

    public bool Questions { get; init; }

    public string? BroadcastsPerMonth { get; init; }

    public bool BroadcastsPushedByDefault { get; init; }

    public AgreementRequest ToRequest() => new(
        Title,
        Date(ValidFrom),
        Date(ValidUntil),
        new AgreementTerms(Broadcasts, Polls, Documents, Questions, Quota(BroadcastsPerMonth), BroadcastsPushedByDefault));

    private static int Quota(string? text) =>
        string.IsNullOrWhiteSpace(text) ? 0 : int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var quota) ? quota : -1;

    private static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date) ? date : null;
}
