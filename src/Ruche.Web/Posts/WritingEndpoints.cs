using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Ruche.Core.Common;
using Ruche.Core.Content;
using Ruche.Core.Feeds;
using Ruche.Core.Follows;
using Ruche.Core.Profiles;
using Ruche.Web.Auth;
using Ruche.Web.Hosting;
using Ruche.Web.People;

namespace Ruche.Web.Posts;

/// <summary>
/// What the composer and the reader's page ask for while someone writes or reads (js/writing.js, js/reading.js): the
/// Markdown preview rendered by the same pipeline as a saved post, the #tags the reader may see, a person's small card.
/// The page's addresses (<c>/ui</c>) take the sign-in cookie; the API's answer the same for tokens.
/// </summary>
public static class WritingEndpoints
{
    /// <summary>Suggestions shown at once in an autocomplete list.</summary>
    public const int Suggested = 8;

    public static RouteGroupBuilder MapWritingApi(this RouteGroupBuilder api)
    {
        api.MapPost("/markdown/preview", PreviewApiAsync).WithTags("Posts").WithName("PreviewMarkdown");
        api.MapGet("/tags", TagsAsync).WithTags("Feeds").WithName("SuggestTags");
        return api;
    }

    public static IEndpointRouteBuilder MapWritingForms(this IEndpointRouteBuilder app)
    {
        var ui = app.MapGroup("/ui").ExcludeFromDescription();
        ui.MapPost("/markdown/preview", PreviewFormAsync).RequireRateLimiting(RateLimits.ApiPolicy);
        ui.MapGet("/tags/lookup", LookupTagsAsync).RequireRateLimiting(RateLimits.ApiPolicy);
        ui.MapGet("/people/{handle}/card", CardAsync).RequireRateLimiting(RateLimits.ApiPolicy);
        return app;
    }

    /// <summary>The HTML a Markdown text becomes once published (mentions resolved, sanitised), without saving anything.</summary>
    private static async Task<Ok<MarkdownPreview>> PreviewApiAsync(MarkdownPreviewRequest request, ContentRenderer renderer, CancellationToken ct) =>
        TypedResults.Ok(new MarkdownPreview(await RenderAsync(request.Body, renderer, ct)));

    /// <summary>The composer's preview: the same HTML, as a fragment the page shows as it is.</summary>
    private static async Task<IResult> PreviewFormAsync([FromForm] MarkdownPreviewForm form, ContentRenderer renderer, CancellationToken ct)
    {
        try
        {
            return Results.Content(await RenderAsync(form.Body, renderer, ct), "text/html; charset=utf-8");
        }
        catch (RucheException refused)
        {
            return Results.Text(refused.Code, "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
        }
    }

    private static async Task<string> RenderAsync(string? body, ContentRenderer renderer, CancellationToken ct)
    {
        if (body is { Length: > Limits.PostBodyMaxLength })
        {
            throw RucheException.Invalid("post.too-long", $"A post holds at most {Limits.PostBodyMaxLength} characters.");
        }

        return string.IsNullOrWhiteSpace(body) ? string.Empty : (await renderer.RenderAsync(body, ct)).Html;
    }

    /// <summary>Tags starting with <c>prefix</c> used on posts the caller may read, the most used first.</summary>
    private static async Task<Ok<IReadOnlyList<TagSuggestion>>> TagsAsync(string? prefix, ClaimsPrincipal user, FeedService feeds, CancellationToken ct) =>
        TypedResults.Ok(await feeds.SuggestTagsAsync(user.RequireViewer(), prefix, Suggested, ct));

    /// <summary>The composer's #-suggestions for the signed-in reader's session: the same answer as the API's.</summary>
    private static async Task<IResult> LookupTagsAsync(string? prefix, ClaimsPrincipal user, FeedService feeds, CancellationToken ct) =>
        TypedResults.Ok(await feeds.SuggestTagsAsync(user.RequireViewer(), prefix, Suggested, ct));

    /// <summary>A person's small card (photo, name, job, department, follow button) shown over a mention.</summary>
    private static async Task<IResult> CardAsync(string handle, ClaimsPrincipal user, ProfileService profiles, FollowService follows, CancellationToken ct)
    {
        try
        {
            var viewer = user.RequireViewer();
            var profile = await profiles.GetByHandleAsync(handle, ct);
            var following = profile.Id != viewer.PersonId && await follows.IsFollowingPersonAsync(viewer, profile.Id, ct);
            return new RazorComponentResult<PersonCard>(new Dictionary<string, object?>
            {
                [nameof(PersonCard.Profile)] = profile,
                [nameof(PersonCard.Following)] = following,
                [nameof(PersonCard.IsSelf)] = profile.Id == viewer.PersonId,
            });
        }
        catch (RucheException)
        {
            return Results.NotFound();
        }
    }
}

public sealed record MarkdownPreviewRequest(string? Body);

public sealed record MarkdownPreview(string Html);

/// <summary>Fields of an HTML form; a field the browser leaves out binds as its default.</summary>
public sealed record MarkdownPreviewForm
{
    public string? Body { get; init; }
}
