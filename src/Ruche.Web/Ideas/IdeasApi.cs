using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Ruche.Core.Common;
using Ruche.Core.Ideas;
using Ruche.Web.Auth;
using Ruche.Web.Hosting;

namespace Ruche.Web.Ideas;

/// <summary>The idea box: lists, an idea with its timeline, submitting, votes, comments, follows and triage.</summary>
public static class IdeasApi
{
    public static RouteGroupBuilder MapIdeasApi(this RouteGroupBuilder api)
    {
        var ideas = api.MapGroup("/ideas").WithTags("Ideas");
        ideas.MapGet("/", ListAsync).WithName("ListIdeas")
            .WithDescription("sort: votes (default), trend (votes of the last 14 days, one bounded page) or recent; status: new, under-review, accepted, in-progress, done or declined; tag; cursor and pageSize.");
        ideas.MapPost("/", SubmitAsync).WithName("SubmitIdea")
            .WithDescription("title (required), description (Markdown), tags (at most 5), spaceId (none: company-wide).");
        ideas.MapGet("/{id:long}", async (long id, ClaimsPrincipal user, IdeaReader reader, CancellationToken ct) =>
            TypedResults.Ok(await reader.GetAsync(user.RequireViewer(), id, ct))).WithName("GetIdea");
        ideas.MapPost("/{id:long}/vote", async (long id, ClaimsPrincipal user, IdeaService service, CancellationToken ct) =>
        {
            await service.VoteAsync(user.RequireViewer(), id, ct);
            return TypedResults.NoContent();
        }).WithName("VoteForIdea");
        ideas.MapDelete("/{id:long}/vote", async (long id, ClaimsPrincipal user, IdeaService service, CancellationToken ct) =>
        {
            await service.WithdrawVoteAsync(user.RequireViewer(), id, ct);
            return TypedResults.NoContent();
        }).WithName("WithdrawIdeaVote");
        ideas.MapPost("/{id:long}/comments", CommentAsync).WithName("CommentOnIdea");
        ideas.MapPut("/{id:long}/follow", async (long id, ClaimsPrincipal user, IdeaService service, CancellationToken ct) =>
        {
            await service.FollowAsync(user.RequireViewer(), id, ct);
            return TypedResults.NoContent();
        }).WithName("FollowIdea");
        ideas.MapDelete("/{id:long}/follow", async (long id, ClaimsPrincipal user, IdeaService service, CancellationToken ct) =>
        {
            await service.UnfollowAsync(user.RequireViewer(), id, ct);
            return TypedResults.NoContent();
        }).WithName("UnfollowIdea");
        ideas.MapPost("/{id:long}/status", TriageAsync).WithName("ChangeIdeaStatus")
            .WithDescription("HR, administrators and the moderators of the idea's space: status, ownerId (who carries it) and reason (public).");
        return api;
    }

    public static IdeaOrder Order(string? sort) => sort switch
    {
        null or "" or "votes" => IdeaOrder.Votes,
        "trend" => IdeaOrder.Trend,
        "recent" => IdeaOrder.Recent,
        _ => throw RucheException.Invalid("idea.sort-invalid", "Sort by votes, trend or recent."),
    };

    private static async Task<Ok<PageDto<IdeaCard>>> ListAsync(
        string? sort, string? status, string? tag, string? cursor, int? pageSize, ClaimsPrincipal user, IdeaReader reader, CancellationToken ct) =>
        TypedResults.Ok(PageDto.From(await reader.ListAsync(user.RequireViewer(), Order(sort), status, tag, cursor, pageSize, ct)));

    private static async Task<Created<IdeaCreated>> SubmitAsync(IdeaRequest request, ClaimsPrincipal user, IdeaService service, CancellationToken ct)
    {
        var id = await service.SubmitAsync(user.RequireViewer(), new NewIdea(request.Title, request.Description, request.Tags, request.SpaceId), ct);
        return TypedResults.Created($"/api/v1/ideas/{id}", new IdeaCreated(id));
    }

    private static async Task<Created<IdeaCreated>> CommentAsync(long id, IdeaCommentRequest request, ClaimsPrincipal user, IdeaService service, CancellationToken ct)
    {
        var comment = await service.CommentAsync(user.RequireViewer(), id, request.Body, ct);
        return TypedResults.Created($"/api/v1/ideas/{id}", new IdeaCreated(comment));
    }

    private static async Task<Created<IdeaCreated>> TriageAsync(long id, IdeaTriageRequest request, ClaimsPrincipal user, IdeaService service, CancellationToken ct)
    {
        var change = await service.TriageAsync(user.RequireViewer(), id, new IdeaTriage(request.Status, request.OwnerId, request.Reason), ct);
        return TypedResults.Created($"/api/v1/ideas/{id}", new IdeaCreated(change));
    }
}

public sealed record IdeaRequest([property: MaxLength(IdeaInputs.TitleMaxLength)] string? Title, [property: MaxLength(IdeaInputs.DescriptionMaxLength)] string? Description, [property: MaxLength(IdeaInputs.TagsMax)] IReadOnlyList<string>? Tags, long? SpaceId);

public sealed record IdeaCommentRequest([property: StringLength(Limits.CommentBodyMaxLength, MinimumLength = 1)] string? Body);

/// <param name="Status">new, under-review, accepted, in-progress, done or declined.</param>
public sealed record IdeaTriageRequest(string? Status, long? OwnerId, [property: MaxLength(IdeaInputs.ReasonMaxLength)] string? Reason);

public sealed record IdeaCreated(long Id);
