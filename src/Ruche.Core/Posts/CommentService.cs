using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Content;
using Ruche.Core.Data;
using Ruche.Core.Notifications;
using Ruche.Core.People;

namespace Ruche.Core.Posts;

/// <summary>Comments on posts, with one level of replies. Whoever reads a post may comment on it.</summary>
public sealed class CommentService(RucheDbContext db, ContentRenderer renderer, Audit.AuditLog audit, LiveEvents live, Notifier notifier, Files.IFileStore store, TimeProvider time)
{
    public async Task<IReadOnlyList<CommentView>> ListAsync(Viewer viewer, long postId, CancellationToken cancellationToken)
    {
        var post = await PostRights.RequireAsync(db, viewer, postId, cancellationToken);
        return await Views(db.Comments.Where(c => c.PostId == postId).OrderBy(c => c.Id), viewer, post)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Adds a comment; a reply to a reply attaches to the top-level comment (one level only).</summary>
    public Task<CommentView> AddAsync(Viewer viewer, long postId, string? text, long? replyTo, CancellationToken cancellationToken) =>
        AddAsync(viewer, postId, text, replyTo, null, cancellationToken);

    /// <summary>Adds a comment with documents uploaded as <see cref="Files.FilePurpose.CommentDocument"/>, listed under it.</summary>
    public async Task<CommentView> AddAsync(Viewer viewer, long postId, string? text, long? replyTo, IReadOnlyList<Guid>? documentIds, CancellationToken cancellationToken)
    {
        var post = await PostRights.RequireAsync(db, viewer, postId, cancellationToken);
        var body = Input.Text(text);
        if (body.Length == 0)
        {
            throw RucheException.Invalid("comment.empty", "A comment needs some text.");
        }

        if (body.Length > Limits.CommentBodyMaxLength)
        {
            throw RucheException.Invalid("comment.too-long", $"A comment holds at most {Limits.CommentBodyMaxLength} characters.");
        }

        long? parentId = null;
        long? answeredId = null;
        if (replyTo is { } replyId)
        {
            var parent = await db.Comments.Where(c => c.Id == replyId && c.PostId == postId)
                .Select(c => new { c.Id, c.ParentCommentId, c.AuthorId }).SingleOrDefaultAsync(cancellationToken)
                ?? throw RucheException.NotFound("comment.not-found", "No such comment on this post.");
            parentId = parent.ParentCommentId ?? parent.Id;
            answeredId = parent.AuthorId;
        }

        var documents = await PostDocuments.RequireUsableAsync(db, viewer, documentIds, Files.FilePurpose.CommentDocument, cancellationToken);
        var content = await renderer.RenderAsync(body, cancellationToken);
        var comment = new Comment
        {
            PostId = postId,
            ParentCommentId = parentId,
            AuthorId = viewer.PersonId,
            Body = body,
            BodyHtml = content.Html,
            CreatedAt = time.UtcNow(),
        };
        db.Comments.Add(comment);
        db.Set<CommentDocument>().AddRange(documents.Select((id, index) => new CommentDocument { Comment = comment, FileId = id, Position = index }));
        await db.SaveChangesAsync(cancellationToken);
        await live.CommentsChangedAsync(postId);
        await NotifyAsync(viewer, post.AuthorId, comment, answeredId, content.MentionedPersonIds);
        return await Views(db.Comments.Where(c => c.Id == comment.Id), viewer, post).SingleAsync(cancellationToken);
    }

    private async Task NotifyAsync(Viewer viewer, long? postAuthorId, Comment comment, long? answeredId, IEnumerable<long> mentioned)
    {
        await notifier.NotifyAsync(PostNotifications.Mention, viewer.PersonId, mentioned, comment.PostId);
        if (answeredId is { } answered && answered != postAuthorId)
        {
            await notifier.NotifyAsync(PostNotifications.Reply, viewer.PersonId, [answered], comment.PostId, $"comment:{comment.ParentCommentId}");
        }

        if (postAuthorId is { } author)
        {
            await notifier.NotifyAsync(PostNotifications.Comment, viewer.PersonId, [author], comment.PostId);
        }
    }

    /// <summary>Deletes a comment and its replies (its author, the post's moderators, administrators).</summary>
    public async Task DeleteAsync(Viewer viewer, long postId, long commentId, CancellationToken cancellationToken)
    {
        var post = await PostRights.RequireAsync(db, viewer, postId, cancellationToken);
        var comment = await Views(db.Comments.Where(c => c.Id == commentId && c.PostId == postId), viewer, post)
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw RucheException.NotFound("comment.not-found", "No such comment on this post.");
        if (!comment.CanDelete)
        {
            throw RucheException.Forbidden("comment.delete-forbidden", "Only the author, the space's moderators or an administrator delete a comment.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var documents = await RemoveAsync(viewer, postId, commentId, comment.Author.Id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await DeleteStoredFilesAsync(documents);
        await live.CommentsChangedAsync(postId);
    }

    /// <summary>
    /// Deletes a comment (and its replies) inside the caller's transaction and returns their documents' file ids, whose
    /// bytes go with <see cref="DeleteStoredFilesAsync"/> once the caller committed; the caller tells live pages.
    /// </summary>
    internal async Task<IReadOnlyList<Guid>> RemoveAsync(Viewer viewer, long postId, long commentId, long authorId, CancellationToken cancellationToken)
    {
        var documents = await db.Set<CommentDocument>()
            .Where(d => db.Comments.Any(c => c.Id == d.CommentId && (c.Id == commentId || c.ParentCommentId == commentId)))
            .Select(d => d.FileId).ToListAsync(cancellationToken);
        await db.Files.Where(f => documents.Contains(f.Id)).ExecuteDeleteAsync(cancellationToken);
        await db.Comments.Where(c => c.Id == commentId).ExecuteDeleteAsync(cancellationToken);
        if (authorId != viewer.PersonId)
        {
            await audit.RecordAsync(viewer.PersonId, "moderation.comment-deleted", $"comment:{commentId}", new { post = postId, author = authorId }, cancellationToken);
        }

        return documents;
    }

    /// <summary>Bytes go once the rows are gone for good; a crash before leaves an orphan file, never a broken comment.</summary>
    internal async Task DeleteStoredFilesAsync(IEnumerable<Guid> fileIds)
    {
        foreach (var id in fileIds)
        {
            await store.DeleteAsync(id, CancellationToken.None);
        }
    }

    /// <summary>
    /// Comments as readers see them; one may delete one's own, and moderators of the post anyone's. A hidden comment is
    /// seen only by its author and the post's moderators.
    /// </summary>
    private IQueryable<CommentView> Views(IQueryable<Comment> comments, Viewer viewer, PostFacts post)
    {
        var now = time.UtcNow();
        var viewerId = viewer.PersonId;
        var moderatesPost = post.Can.Moderate;
        return comments.Where(c => c.HiddenAt == null || c.AuthorId == viewerId || moderatesPost).Select(c => new CommentView(
            c.Id,
            c.PostId,
            c.ParentCommentId,
            PersonRefs.Of(c.Author!, now),
            c.BodyHtml,
            c.CreatedAt,
            c.AuthorId == viewerId || moderatesPost,
            c.HiddenAt == null ? null : c.HiddenReason ?? string.Empty,
            db.Set<CommentDocument>().Where(d => d.CommentId == c.Id).OrderBy(d => d.Position)
                .Join(db.Files, d => d.FileId, f => f.Id, (d, f) => new AttachedDocument(f.Id, f.FileName, f.ContentType, f.Length)).ToList()));
    }
}
