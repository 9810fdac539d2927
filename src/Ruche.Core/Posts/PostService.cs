using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Content;
using Ruche.Core.Data;
using Ruche.Core.Files;
using Ruche.Core.Notifications;
using Ruche.Core.Spaces;

namespace Ruche.Core.Posts;

/// <summary>Writing, editing, sharing, pinning and deleting posts.</summary>
public sealed class PostService(
    RucheDbContext db,
    ContentRenderer renderer,
    SpaceService spaces,
    IFileStore files,
    Audit.AuditLog audit,
    LiveEvents live,
    Notifier notifier,
    TimeProvider time)
{
    /// <summary>
    /// Who to tell about a post the viewer may read (its author; nobody for a post Ruche wrote), or "not found": one
    /// indexed query, for writes that only need to know the post is visible (reactions), where loading the whole card
    /// would cost six.
    /// </summary>
    public async Task<IReadOnlyList<long>> RequireVisibleAsync(Viewer viewer, long postId, CancellationToken cancellationToken) =>
        (await db.Posts.VisibleTo(viewer.PersonId).Where(p => p.Id == postId).Select(p => new { p.AuthorId }).SingleOrDefaultAsync(cancellationToken)
            ?? throw NotFound()).AuthorId is { } author ? [author] : [];

    /// <summary>Publishes a post; returns its id (read it as a card through <see cref="Feeds.FeedService.PostAsync"/>).</summary>
    public Task<long> CreateAsync(Viewer viewer, NewPost request, CancellationToken cancellationToken) =>
        CreateAsync(viewer, request, null, cancellationToken);

    /// <summary>
    /// Publishes a post with what a feature attaches to it (a poll), saved with the post in one transaction:
    /// <paramref name="attach"/> adds its rows for the new post before it is saved, after every check of the post passed.
    /// </summary>
    public async Task<long> CreateAsync(Viewer viewer, NewPost request, Action<Post>? attach, CancellationToken cancellationToken)
    {
        var body = Input.Text(request.Body);
        long? sharedId = null;
        if (request.SharePostId is { } shareId)
        {
            // Sharing a share shares its original, so chains never hide the source.
            var original = await db.Posts.VisibleTo(viewer.PersonId).Where(p => p.Id == shareId)
                .Select(p => new { p.Id, p.SharedPostId, p.IsShare }).SingleOrDefaultAsync(cancellationToken) ?? throw NotFound();
            sharedId = original.IsShare ? original.SharedPostId ?? throw NotFound() : original.Id;
        }
        else
        {
            ValidateBody(body);
        }

        if (body.Length > Limits.PostBodyMaxLength)
        {
            throw TooLong();
        }

        if (request.SpaceId is { } spaceId)
        {
            var space = await spaces.GetAsync(viewer, spaceId, cancellationToken);
            if (!space.CanPost)
            {
                throw RucheException.Forbidden(
                    space.IsMember ? "space.announcers-only" : "space.members-only",
                    space.IsMember ? "Only this space's owners and moderators post here." : "Join the space to post in it.");
            }
        }

        var imageIds = (request.ImageIds ?? []).Distinct().ToList();
        if (imageIds.Count > Limits.ImagesPerPost)
        {
            throw RucheException.Invalid("post.too-many-images", $"A post holds at most {Limits.ImagesPerPost} images.");
        }

        if (imageIds.Count > 0)
        {
            var usable = await db.Files.CountAsync(
                f => imageIds.Contains(f.Id) && f.OwnerId == viewer.PersonId && f.Purpose == FilePurpose.PostImage
                    && !db.PostImages.Any(i => i.FileId == f.Id),
                cancellationToken);
            if (usable != imageIds.Count)
            {
                throw RucheException.Invalid("post.image-unknown", "An image is unknown, not yours, or already used by another post.");
            }
        }

        var documentIds = await PostDocuments.RequireUsableAsync(db, viewer, request.DocumentIds, FilePurpose.PostDocument, cancellationToken);
        var content = await renderer.RenderAsync(body, cancellationToken);
        var post = new Post
        {
            AuthorId = viewer.PersonId,
            SpaceId = request.SpaceId,
            Body = body,
            BodyHtml = content.Html,
            CreatedAt = time.UtcNow(),
            SharedPostId = sharedId,
            IsShare = sharedId != null,
            Tags = content.Tags.Select(t => new PostTag { Tag = t }).ToList(),
            Mentions = content.MentionedPersonIds.Select(id => new PostMention { PersonId = id }).ToList(),
            Images = imageIds.Select((id, index) => new PostImage { FileId = id, Position = index }).ToList(),
        };
        db.Posts.Add(post);
        db.Set<PostDocument>().AddRange(documentIds.Select((id, index) => new PostDocument { Post = post, FileId = id, Position = index }));
        attach?.Invoke(post);
        await db.SaveChangesAsync(cancellationToken);
        await live.PostPublishedAsync(post.Id);
        await notifier.NotifyAsync(PostNotifications.Mention, viewer.PersonId, content.MentionedPersonIds, post.Id);
        return post.Id;
    }

    /// <summary>Replaces the text; the earlier version stays readable in the post's history.</summary>
    public async Task EditAsync(Viewer viewer, long postId, string? newBody, CancellationToken cancellationToken)
    {
        var post = await db.Posts.VisibleTo(viewer.PersonId).Include(p => p.Tags).Include(p => p.Mentions)
            .SingleOrDefaultAsync(p => p.Id == postId, cancellationToken) ?? throw NotFound();
        if (!PostRights.Of(post.AuthorId == viewer.PersonId, false, false).Edit)
        {
            throw RucheException.Forbidden("post.author-only", "Only the author edits a post.");
        }

        var body = Input.Text(newBody);
        if (!post.IsShare)
        {
            ValidateBody(body);
        }

        if (body.Length > Limits.PostBodyMaxLength)
        {
            throw TooLong();
        }

        if (body == post.Body)
        {
            return;
        }

        var now = time.UtcNow();
        db.PostRevisions.Add(new PostRevision { PostId = post.Id, Body = post.Body, WrittenAt = post.EditedAt ?? post.CreatedAt, ReplacedAt = now });
        var content = await renderer.RenderAsync(body, cancellationToken);
        post.Body = body;
        post.BodyHtml = content.Html;
        post.EditedAt = now;
        post.Tags.RemoveAll(t => !content.Tags.Contains(t.Tag));
        post.Tags.AddRange(content.Tags.Where(t => post.Tags.All(existing => existing.Tag != t)).Select(t => new PostTag { Tag = t }));
        var newlyMentioned = content.MentionedPersonIds.Where(id => post.Mentions.All(m => m.PersonId != id)).ToList();
        post.Mentions.RemoveAll(m => !content.MentionedPersonIds.Contains(m.PersonId));
        post.Mentions.AddRange(content.MentionedPersonIds.Where(id => post.Mentions.All(m => m.PersonId != id)).Select(id => new PostMention { PersonId = id }));
        await db.SaveChangesAsync(cancellationToken);
        await notifier.NotifyAsync(PostNotifications.Mention, viewer.PersonId, newlyMentioned, post.Id);
    }

    public async Task<IReadOnlyList<PostRevisionView>> RevisionsAsync(Viewer viewer, long postId, CancellationToken cancellationToken)
    {
        if (!await db.Posts.VisibleTo(viewer.PersonId).AnyAsync(p => p.Id == postId, cancellationToken))
        {
            throw NotFound();
        }

        return await db.PostRevisions.Where(r => r.PostId == postId).OrderByDescending(r => r.Id)
            .Select(r => new PostRevisionView(r.Id, r.Body, r.WrittenAt, r.ReplacedAt))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Deletes a post with its comments, reactions, history and images (author, space moderators, administrators).</summary>
    public async Task DeleteAsync(Viewer viewer, long postId, CancellationToken cancellationToken)
    {
        var post = await PostRights.RequireAsync(db, viewer, postId, cancellationToken);
        if (!post.Can.Delete)
        {
            throw RucheException.Forbidden("post.delete-forbidden", "Only the author, the space's moderators or an administrator delete a post.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var fileIds = await RemoveAsync(viewer, postId, post.AuthorId, post.SpaceId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await DeleteStoredFilesAsync(fileIds);
    }

    /// <summary>
    /// Deletes a post's rows inside the caller's transaction (a moderation decision deletes and records itself in one)
    /// and returns its images' file ids, whose bytes go with <see cref="DeleteStoredFilesAsync"/> once the transaction committed.
    /// </summary>
    internal async Task<IReadOnlyList<Guid>> RemoveAsync(Viewer viewer, long postId, long? authorId, long? spaceId, CancellationToken cancellationToken)
    {
        var fileIds = await db.PostImages.Where(i => i.PostId == postId).Select(i => i.FileId)
            .Concat(db.Set<PostDocument>().Where(d => d.PostId == postId).Select(d => d.FileId))
            .Concat(db.Set<CommentDocument>().Where(d => db.Comments.Any(c => c.Id == d.CommentId && c.PostId == postId)).Select(d => d.FileId))
            .ToListAsync(cancellationToken);
        await db.Posts.Where(p => p.Id == postId).ExecuteDeleteAsync(cancellationToken);
        await db.Files.Where(f => fileIds.Contains(f.Id)).ExecuteDeleteAsync(cancellationToken);
        if (authorId != viewer.PersonId)
        {
            // Removing someone else's words is moderation: it leaves a trace.
            await audit.RecordAsync(viewer.PersonId, "moderation.post-deleted", $"post:{postId}", new { author = authorId, space = spaceId }, cancellationToken);
        }

        return fileIds;
    }

    /// <summary>Bytes go once the rows are gone for good; a crash before leaves an orphan file, never a broken post.</summary>
    internal async Task DeleteStoredFilesAsync(IEnumerable<Guid> fileIds)
    {
        foreach (var id in fileIds)
        {
            await files.DeleteAsync(id, CancellationToken.None);
        }
    }

    public async Task SetPinnedAsync(Viewer viewer, long postId, bool pinned, CancellationToken cancellationToken)
    {
        var facts = await PostRights.RequireAsync(db, viewer, postId, cancellationToken);
        if (facts.SpaceId is null)
        {
            throw RucheException.Invalid("post.pin-profile", "Only posts in a space can be pinned.");
        }

        if (!facts.Can.Pin)
        {
            throw RucheException.Forbidden("post.pin-forbidden", "Only the space's owners and moderators pin posts.");
        }

        var post = await db.Posts.SingleAsync(p => p.Id == postId, cancellationToken);
        if (pinned != (post.PinnedAt != null))
        {
            post.PinnedAt = pinned ? time.UtcNow() : null;
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private static void ValidateBody(string body)
    {
        if (body.Length == 0)
        {
            throw RucheException.Invalid("post.empty", "A post needs some text.");
        }
    }

    private static RucheException TooLong() =>
        RucheException.Invalid("post.too-long", $"A post holds at most {Limits.PostBodyMaxLength} characters.");

    private static RucheException NotFound() => RucheException.NotFound("post.not-found", "No such post.");
}
