using System.ComponentModel.DataAnnotations;
using Ruche.Core.Common;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Ruche.Core.Feeds;
using Ruche.Core.Files;
using Ruche.Core.Polls;
using Ruche.Core.Posts;
using Ruche.Web.Auth;
using Ruche.Web.Files;
using Ruche.Web.Hosting;
using Ruche.Web.Polls;

namespace Ruche.Web.Posts;

public static class PostsApi
{
    public static RouteGroupBuilder MapPostsApi(this RouteGroupBuilder api)
    {
        var posts = api.MapGroup("/posts").WithTags("Posts");
        posts.MapGet("/", ListAsync).WithName("ListPosts");
        posts.MapPost("/", CreateAsync).WithName("CreatePost");
        posts.MapGet("/{id:long}", GetAsync).WithName("GetPost");
        posts.MapPatch("/{id:long}", EditAsync).WithName("EditPost");
        posts.MapDelete("/{id:long}", DeleteAsync).WithName("DeletePost");
        posts.MapGet("/{id:long}/revisions", RevisionsAsync).WithName("ListPostRevisions");
        posts.MapPut("/{id:long}/pin", (long id, ClaimsPrincipal user, PostService service, FeedService feeds, CancellationToken ct) => PinAsync(id, true, user, service, feeds, ct)).WithName("PinPost");
        posts.MapDelete("/{id:long}/pin", (long id, ClaimsPrincipal user, PostService service, FeedService feeds, CancellationToken ct) => PinAsync(id, false, user, service, feeds, ct)).WithName("UnpinPost");
        posts.MapGet("/{id:long}/comments", ListCommentsAsync).WithName("ListComments");
        posts.MapPost("/{id:long}/comments", AddCommentAsync).WithName("AddComment");
        posts.MapDelete("/{id:long}/comments/{commentId:long}", DeleteCommentAsync).WithName("DeleteComment");
        posts.MapPut("/{id:long}/reactions/{kind}", AddReactionAsync).WithName("AddReaction");
        posts.MapDelete("/{id:long}/reactions/{kind}", RemoveReactionAsync).WithName("RemoveReaction");

        api.MapPost("/files", UploadAsync).WithTags("Files").WithName("UploadImage").DisableAntiforgery().AcceptsOneUpload();
        api.MapPost("/documents", UploadDocumentAsync).WithTags("Files").WithName("UploadDocument").DisableAntiforgery().AcceptsOneUpload()
            .WithDescription("Multipart: file, and for: post (the default) or comment. Attach it with documentIds when publishing; until then it is yours alone.");
        return api;
    }

    /// <summary>Every post the caller may see, newest first, optionally narrowed to a space, an author or a tag.</summary>
    private static async Task<Ok<PageDto<PostCard>>> ListAsync(
        ClaimsPrincipal user, FeedService feeds, long? spaceId, long? authorId, string? tag, string? cursor, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(PageDto.From(await feeds.AllAsync(user.RequireViewer(), new PostFilter(spaceId, authorId, tag), cursor, pageSize, ct)));

    /// <summary>Publishes a post; with <c>poll</c>, the post carries that poll (both saved together, or neither).</summary>
    private static async Task<Created<PostCard>> CreateAsync(
        NewPostRequest request, ClaimsPrincipal user, PostService service, PollService polls, Core.Recognition.QuestionService questions, FeedService feeds, CancellationToken ct)
    {
        var viewer = user.RequireViewer();
        var post = new NewPost(request.Body, request.SpaceId, request.ImageIds, request.SharePostId, request.DocumentIds);
        var id = request.Poll is { } poll
            ? await polls.CreatePostWithPollAsync(viewer, post, poll.ToInput(), ct)
            : request.AsQuestion == true ? await questions.AskAsync(viewer, post, ct)
            : await service.CreateAsync(viewer, post, ct);
        return TypedResults.Created($"/api/v1/posts/{id}", await feeds.PostAsync(viewer, id, ct));
    }

    private static async Task<Ok<PostCard>> GetAsync(long id, ClaimsPrincipal user, FeedService feeds, CancellationToken ct) =>
        TypedResults.Ok(await feeds.PostAsync(user.RequireViewer(), id, ct));

    private static async Task<Ok<PostCard>> EditAsync(long id, EditPostRequest request, ClaimsPrincipal user, PostService service, FeedService feeds, CancellationToken ct)
    {
        var viewer = user.RequireViewer();
        await service.EditAsync(viewer, id, request.Body, ct);
        return TypedResults.Ok(await feeds.PostAsync(viewer, id, ct));
    }

    private static async Task<NoContent> DeleteAsync(long id, ClaimsPrincipal user, PostService service, CancellationToken ct)
    {
        await service.DeleteAsync(user.RequireViewer(), id, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<IReadOnlyList<PostRevisionView>>> RevisionsAsync(long id, ClaimsPrincipal user, PostService service, CancellationToken ct) =>
        TypedResults.Ok(await service.RevisionsAsync(user.RequireViewer(), id, ct));

    private static async Task<Ok<PostCard>> PinAsync(long id, bool pinned, ClaimsPrincipal user, PostService service, FeedService feeds, CancellationToken ct)
    {
        var viewer = user.RequireViewer();
        await service.SetPinnedAsync(viewer, id, pinned, ct);
        return TypedResults.Ok(await feeds.PostAsync(viewer, id, ct));
    }

    private static async Task<Ok<IReadOnlyList<CommentView>>> ListCommentsAsync(long id, ClaimsPrincipal user, CommentService service, CancellationToken ct) =>
        TypedResults.Ok(await service.ListAsync(user.RequireViewer(), id, ct));

    private static async Task<Created<CommentView>> AddCommentAsync(long id, NewCommentRequest request, ClaimsPrincipal user, CommentService service, CancellationToken ct)
    {
        var comment = await service.AddAsync(user.RequireViewer(), id, request.Body, request.ReplyTo, request.DocumentIds, ct);
        return TypedResults.Created($"/api/v1/posts/{id}/comments/{comment.Id}", comment);
    }

    private static async Task<NoContent> DeleteCommentAsync(long id, long commentId, ClaimsPrincipal user, CommentService service, CancellationToken ct)
    {
        await service.DeleteAsync(user.RequireViewer(), id, commentId, ct);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> AddReactionAsync(long id, string kind, ClaimsPrincipal user, ReactionService service, CancellationToken ct)
    {
        await service.AddAsync(user.RequireViewer(), id, ReactionKinds.Parse(kind), ct);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> RemoveReactionAsync(long id, string kind, ClaimsPrincipal user, ReactionService service, CancellationToken ct)
    {
        await service.RemoveAsync(user.RequireViewer(), id, ReactionKinds.Parse(kind), ct);
        return TypedResults.NoContent();
    }

    /// <summary>Uploads one image (multipart field "file", with what it shows in "alt") to attach to a post with <c>imageIds</c>.</summary>
    private static async Task<Created<UploadedFile>> UploadAsync(IFormFile file, [FromForm] string? alt, ClaimsPrincipal user, FileService files, CancellationToken ct)
    {
        await using var stream = file.OpenReadStream();
        var stored = await files.UploadImageAsync(user.RequireViewer(), stream, file.FileName, FilePurpose.PostImage, alt, ct);
        return TypedResults.Created($"/files/{stored.Id}", new UploadedFile(stored.Id, stored.ContentType, stored.Length));
    }

    /// <summary>Uploads one document (multipart field "file") to attach to a post or a comment with <c>documentIds</c>.</summary>
    private static async Task<Created<UploadedFile>> UploadDocumentAsync(IFormFile file, [FromForm(Name = "for")] string? target, ClaimsPrincipal user, FileService files, CancellationToken ct)
    {
        await using var stream = file.OpenReadStream();
        var stored = await Documents.UploadAsync(files, user.RequireViewer(), stream, file.FileName, Documents.PurposeFor(target), ct);
        return TypedResults.Created($"/files/{stored.Id}", new UploadedFile(stored.Id, stored.ContentType, stored.Length));
    }
}

public sealed record NewPostRequest(
    [property: MaxLength(Limits.PostBodyMaxLength)] string? Body,
    long? SpaceId,
    [property: MaxLength(Limits.ImagesPerPost)] IReadOnlyList<Guid>? ImageIds,
    long? SharePostId,
    PollRequest? Poll = null,
    bool? AsQuestion = null,
    [property: MaxLength(Limits.ImagesPerPost)] IReadOnlyList<Guid>? DocumentIds = null);

public sealed record EditPostRequest([property: MaxLength(Limits.PostBodyMaxLength)] string? Body);

public sealed record NewCommentRequest(
    [property: StringLength(Limits.CommentBodyMaxLength, MinimumLength = 1)] string? Body,
    long? ReplyTo,
    [property: MaxLength(Limits.ImagesPerPost)] IReadOnlyList<Guid>? DocumentIds = null);

public sealed record UploadedFile(Guid Id, string ContentType, long Length);
