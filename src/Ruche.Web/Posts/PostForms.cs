using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Ruche.Core.Files;
using Ruche.Core.Posts;
using Ruche.Web.Auth;
using Ruche.Web.Hosting;

namespace Ruche.Web.Posts;

/// <summary>The HTML forms of posts, comments and reactions.</summary>
public static class PostForms
{
    /// <summary>The most a post or comment form carries: its images and its documents at their limits.</summary>
    private const long UploadBytes = (Core.Common.Limits.ImagesPerPost * (Core.Common.Limits.ImageMaxBytes + Core.Common.Limits.DocumentMaxBytes)) + (1024 * 1024);

    public static IEndpointRouteBuilder MapPostForms(this IEndpointRouteBuilder app)
    {
        var ui = app.MapGroup("/ui/posts").ExcludeFromDescription();
        // Ten images of the largest size fit in one post (Kestrel's default of 30 MB would not take them).
        ui.MapPost("/", CreateAsync).WithMetadata(new RequestSizeLimitAttribute(UploadBytes));
        ui.MapPost("/{id:long}/edit", EditAsync);
        ui.MapPost("/{id:long}/delete", DeleteAsync);
        ui.MapPost("/{id:long}/pin", PinAsync);
        ui.MapPost("/{id:long}/comments", CommentAsync).WithMetadata(new RequestSizeLimitAttribute(UploadBytes));
        ui.MapPost("/{id:long}/comments/{commentId:long}/delete", DeleteCommentAsync);
        ui.MapPost("/{id:long}/reactions/{kind}", ReactAsync);
        ui.MapPost("/{id:long}/reactions", ReactWithButtonAsync);
        return app;
    }

    /// <summary>
    /// Creates a post (or a share) with its images and documents; if the post is refused, what was uploaded goes too.
    /// The attach button takes both: a file is an image when its content says so, a document otherwise.
    /// </summary>
    private static Task<IResult> CreateAsync(
        [FromForm] PostForm form, [FromForm] IFormFileCollection? images, ClaimsPrincipal user, PostService posts, Core.Recognition.QuestionService questions, FileService files, HttpContext http) =>
        FormResults.RunAsync(http, form.ReturnUrl, async () =>
        {
            var viewer = user.RequireViewer();
            var picked = (images ?? new FormFileCollection()).Where(f => f.Length > 0).ToList();
            var uploads = new List<IFormFile>();
            var documents = http.Request.HasFormContentType ? http.Request.Form.Files.GetFiles("documents").Where(f => f.Length > 0).ToList() : [];
            foreach (var file in picked)
            {
                (await Documents.IsImageAsync(file) ? uploads : documents).Add(file);
            }

            if (uploads.Count > Core.Common.Limits.ImagesPerPost)
            {
                throw Core.Common.RucheException.Invalid("post.too-many-images", "Too many images.");
            }

            if (documents.Count > Core.Common.Limits.ImagesPerPost)
            {
                throw Core.Common.RucheException.Invalid("post.too-many-documents", "Too many documents.");
            }

            var imageIds = new List<Guid>();
            var documentIds = new List<Guid>();
            try
            {
                foreach (var document in documents)
                {
                    await using var stream = document.OpenReadStream();
                    documentIds.Add((await Documents.UploadAsync(files, viewer, stream, document.FileName, FilePurpose.PostDocument, http.RequestAborted)).Id);
                }

                // Each image's description comes in the same order as the images (js/writing.js adds one field per image).
                var imageAlt = http.Request.HasFormContentType ? http.Request.Form["imageAlt"] : default;
                for (var i = 0; i < uploads.Count; i++)
                {
                    await using var stream = uploads[i].OpenReadStream();
                    var alt = i < imageAlt.Count ? imageAlt[i] : null;
                    imageIds.Add((await files.UploadImageAsync(viewer, stream, uploads[i].FileName, FilePurpose.PostImage, alt, http.RequestAborted)).Id);
                }

                var post = new NewPost(form.Body, form.SpaceId, imageIds, form.SharePostId, documentIds);
                var id = form.AsQuestion == "on" && form.SharePostId is null
                    ? await questions.AskAsync(viewer, post, http.RequestAborted)
                    : await posts.CreateAsync(viewer, post, http.RequestAborted);
                return form.SharePostId is null ? $"{FormResults.Safe(form.ReturnUrl)}#post-{id}" : $"/posts/{id}";
            }
            catch
            {
                await files.DiscardUnattachedAsync(viewer, [.. imageIds, .. documentIds], CancellationToken.None);
                throw;
            }
        });

    /// <summary>Edits a post; refused, the post's page comes back with the edit form holding what was typed.</summary>
    private static Task<IResult> EditAsync(long id, [FromForm] PostForm form, ClaimsPrincipal user, PostService posts, HttpContext http) =>
        FormResults.RunOrRefillAsync<PostPage>(new { Id = id, TypedBody = form.Body ?? string.Empty }, async () =>
        {
            await posts.EditAsync(user.RequireViewer(), id, form.Body, http.RequestAborted);
            return $"/posts/{id}";
        });

    private static Task<IResult> DeleteAsync(long id, [FromForm] ReturnForm form, ClaimsPrincipal user, PostService posts, HttpContext http) =>
        FormResults.RunAsync(http, form.ReturnUrl, async () =>
        {
            await posts.DeleteAsync(user.RequireViewer(), id, http.RequestAborted);

            // The post's own page is gone: go back to where it was listed, or home.
            return form.ReturnUrl?.StartsWith($"/posts/{id}", StringComparison.Ordinal) == true ? "/" : null;
        });

    private static Task<IResult> PinAsync(long id, [FromForm] ToggleForm form, ClaimsPrincipal user, PostService posts, HttpContext http) =>
        FormResults.RunAsync(http, form.ReturnUrl, async () =>
        {
            await posts.SetPinnedAsync(user.RequireViewer(), id, form.On, http.RequestAborted);
            return null;
        });

    /// <summary>Adds a comment with its documents (if the comment is refused, they go too).</summary>
    private static Task<IResult> CommentAsync(long id, [FromForm] CommentForm form, ClaimsPrincipal user, CommentService comments, FileService files, HttpContext http) =>
        FormResults.RunAsync(http, form.ReturnUrl ?? $"/posts/{id}", async () =>
        {
            var viewer = user.RequireViewer();
            var documents = http.Request.HasFormContentType ? http.Request.Form.Files.GetFiles("documents").Where(f => f.Length > 0).ToList() : [];
            if (documents.Count > Core.Common.Limits.ImagesPerPost)
            {
                throw Core.Common.RucheException.Invalid("post.too-many-documents", "Too many documents.");
            }

            var documentIds = new List<Guid>();
            try
            {
                foreach (var document in documents)
                {
                    await using var stream = document.OpenReadStream();
                    documentIds.Add((await Documents.UploadAsync(files, viewer, stream, document.FileName, FilePurpose.CommentDocument, http.RequestAborted)).Id);
                }

                var comment = await comments.AddAsync(viewer, id, form.Body, form.ReplyTo, documentIds, http.RequestAborted);
                return $"{FormResults.Safe(form.ReturnUrl ?? $"/posts/{id}")}#comment-{comment.Id}";
            }
            catch
            {
                await files.DiscardUnattachedAsync(viewer, documentIds, CancellationToken.None);
                throw;
            }
        });

    private static Task<IResult> DeleteCommentAsync(long id, long commentId, [FromForm] ReturnForm form, ClaimsPrincipal user, CommentService comments, HttpContext http) =>
        FormResults.RunAsync(http, form.ReturnUrl ?? $"/posts/{id}", async () =>
        {
            await comments.DeleteAsync(user.RequireViewer(), id, commentId, http.RequestAborted);
            return null;
        });

    private static Task<IResult> ReactAsync(long id, string kind, [FromForm] ToggleForm form, ClaimsPrincipal user, ReactionService reactions, HttpContext http) =>
        FormResults.RunAsync(http, form.ReturnUrl, async () =>
        {
            var viewer = user.RequireViewer();
            var reaction = ReactionKinds.Parse(kind);
            if (form.On)
            {
                await reactions.AddAsync(viewer, id, reaction, http.RequestAborted);
            }
            else
            {
                await reactions.RemoveAsync(viewer, id, reaction, http.RequestAborted);
            }

            return $"{FormResults.Safe(form.ReturnUrl)}#post-{id}";
        });

    /// <summary>A post's reactions form: one button per kind, named <c>add</c> or <c>remove</c> as the reader has it or not.</summary>
    private static Task<IResult> ReactWithButtonAsync(long id, [FromForm] ReactionForm form, ClaimsPrincipal user, ReactionService reactions, HttpContext http) =>
        FormResults.RunAsync(http, form.ReturnUrl, async () =>
        {
            var viewer = user.RequireViewer();
            if (form.Add is { } added)
            {
                await reactions.AddAsync(viewer, id, ReactionKinds.Parse(added), http.RequestAborted);
            }
            else
            {
                await reactions.RemoveAsync(viewer, id, ReactionKinds.Parse(form.Remove), http.RequestAborted);
            }

            return $"{FormResults.Safe(form.ReturnUrl)}#post-{id}";
        });
}

/// <summary>Fields of an HTML form; a field the browser leaves out (an unticked box) binds as its default.</summary>
public sealed record PostForm
{
    public string? Body { get; init; }

    /// <summary>"on" when the composer's "ask as a question" box is ticked.</summary>
    public string? AsQuestion { get; init; }

    public long? SpaceId { get; init; }

    public long? SharePostId { get; init; }

    public string? ReturnUrl { get; init; }
}

/// <summary>The reactions form: the button pressed sends <c>add</c> or <c>remove</c> with its kind.</summary>
public sealed record ReactionForm
{
    public string? Add { get; init; }

    public string? Remove { get; init; }

    public string? ReturnUrl { get; init; }
}

/// <summary>Fields of an HTML form; a field the browser leaves out (an unticked box) binds as its default.</summary>
public sealed record CommentForm
{
    public string? Body { get; init; }

    public long? ReplyTo { get; init; }

    public string? ReturnUrl { get; init; }
}

/// <summary>Fields of an HTML form; a field the browser leaves out (an unticked box) binds as its default.</summary>
public sealed record ToggleForm
{
    public bool On { get; init; }

    public string? ReturnUrl { get; init; }
}
