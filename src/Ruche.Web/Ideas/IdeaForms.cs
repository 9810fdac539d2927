using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Ruche.Core.Common;
using Ruche.Core.Ideas;
using Ruche.Core.Profiles;
using Ruche.Web.Auth;
using Ruche.Web.Hosting;

namespace Ruche.Web.Ideas;

/// <summary>The HTML forms of the idea box; they call the same services as the API.</summary>
public static class IdeaForms
{
    public static IEndpointRouteBuilder MapIdeaForms(this IEndpointRouteBuilder app)
    {
        var ui = app.MapGroup("/ui/ideas").ExcludeFromDescription();
        ui.MapPost("/", SubmitAsync);
        ui.MapPost("/{id:long}/vote", (long id, [FromForm] IdeaReturnForm form, ClaimsPrincipal user, IdeaService ideas, HttpContext http) =>
            FormResults.RunAsync(http, form.ReturnUrl, async () => { await ideas.VoteAsync(user.RequireViewer(), id, http.RequestAborted); return null; }));
        ui.MapPost("/{id:long}/unvote", (long id, [FromForm] IdeaReturnForm form, ClaimsPrincipal user, IdeaService ideas, HttpContext http) =>
            FormResults.RunAsync(http, form.ReturnUrl, async () => { await ideas.WithdrawVoteAsync(user.RequireViewer(), id, http.RequestAborted); return null; }));
        ui.MapPost("/{id:long}/follow", (long id, [FromForm] IdeaReturnForm form, ClaimsPrincipal user, IdeaService ideas, HttpContext http) =>
            FormResults.RunAsync(http, form.ReturnUrl, async () => { await ideas.FollowAsync(user.RequireViewer(), id, http.RequestAborted); return null; }));
        ui.MapPost("/{id:long}/unfollow", (long id, [FromForm] IdeaReturnForm form, ClaimsPrincipal user, IdeaService ideas, HttpContext http) =>
            FormResults.RunAsync(http, form.ReturnUrl, async () => { await ideas.UnfollowAsync(user.RequireViewer(), id, http.RequestAborted); return null; }));
        ui.MapPost("/{id:long}/comments", (long id, [FromForm] IdeaCommentForm form, ClaimsPrincipal user, IdeaService ideas, HttpContext http) =>
            FormResults.RunAsync(http, $"/ideas/{id}", async () =>
            {
                var comment = await ideas.CommentAsync(user.RequireViewer(), id, form.Body, http.RequestAborted);
                return $"/ideas/{id}#comment-{comment}";
            }));
        ui.MapPost("/{id:long}/status", (long id, [FromForm] IdeaTriageForm form, ClaimsPrincipal user, IdeaService ideas, ProfileService people, HttpContext http) =>
            FormResults.RunOrRefillAsync<IdeaPage>(new { Id = id, TypedTriage = form }, async () =>
            {
                var owner = await PersonAsync(people, form.Owner, "idea.owner-invalid", http.RequestAborted);
                var change = await ideas.TriageAsync(user.RequireViewer(), id, new IdeaTriage(form.Status, owner, form.Reason), http.RequestAborted);
                return $"/ideas/{id}#change-{change}";
            }));
        return app;
    }

    /// <summary>One person named by handle (@ana) or by full name, as the people picker writes them; null when nothing was typed.</summary>
    public static async Task<long?> PersonAsync(ProfileService people, string? typed, string refusal, CancellationToken cancellationToken)
    {
        var name = Input.Text(typed);
        if (name.Length == 0)
        {
            return null;
        }

        var byHandle = await people.IdsByHandleAsync([name], cancellationToken);
        if (Core.Content.Mentions.NormalizeHandle(name) is { } key && byHandle.TryGetValue(key, out var id))
        {
            return id;
        }

        var byName = await people.IdsByNameAsync([name.TrimStart('@')], cancellationToken);
        return byName.TryGetValue(name.TrimStart('@'), out id) ? id : throw RucheException.Invalid(refusal, $"Nobody is called {name}.");
    }

    /// <summary>Submits an idea; refused, the form comes back with what was typed and why.</summary>
    private static Task<IResult> SubmitAsync([FromForm] IdeaForm form, ClaimsPrincipal user, IdeaService ideas, HttpContext http) =>
        FormResults.RunOrRefillAsync<IdeaFormPage>(new { Typed = form }, async () =>
        {
            var id = await ideas.SubmitAsync(
                user.RequireViewer(), new NewIdea(form.Title, form.Description, IdeaInputs.SplitTags(form.Tags), form.SpaceId is > 0 ? form.SpaceId : null), http.RequestAborted);
            return $"/ideas/{id}";
        });
}

/// <summary>Fields of an HTML form; a field the browser leaves out binds as its default.</summary>
public sealed record IdeaForm
{
    public string? Title { get; init; }

    public string? Description { get; init; }

    public string? Tags { get; init; }

    public long? SpaceId { get; init; }
}

/// <summary>Fields of an HTML form.</summary>
public sealed record IdeaReturnForm
{
    public string? ReturnUrl { get; init; }
}

/// <summary>Fields of an HTML form.</summary>
public sealed record IdeaCommentForm
{
    public string? Body { get; init; }
}

/// <summary>Fields of an HTML form.</summary>
public sealed record IdeaTriageForm
{
    public string? Status { get; init; }

    public string? Owner { get; init; }

    public string? Reason { get; init; }
}
