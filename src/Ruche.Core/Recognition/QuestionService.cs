using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.Posts;
using Ruche.Core.Spaces;

namespace Ruche.Core.Recognition;

/// <summary>
/// Questions and their answers: a post asked as a question (flagged when published, saved with the post), comments its
/// author marks helpful (several) and the one they choose as the best answer. Only the post's author marks: the
/// asker knows what helped them; a moderator moderates content, not its worth. Marks are reversible.
/// </summary>
public sealed class QuestionService(RucheDbContext db, PostService posts, BadgeAwarder badges, TimeProvider time)
{
    /// <summary>Publishes a post as a question, both saved together or neither.</summary>
    public Task<long> AskAsync(Viewer viewer, NewPost post, CancellationToken cancellationToken) =>
        posts.CreateAsync(viewer, post, p => db.Add(new Question { Post = p, AskedAt = time.UtcNow() }), cancellationToken);

    /// <summary>Marks (or unmarks) a comment helpful; the post's author only, never on their own comment.</summary>
    public async Task MarkHelpfulAsync(Viewer viewer, long commentId, bool helpful, CancellationToken cancellationToken)
    {
        var comment = await RequireMarkableAsync(viewer, commentId, cancellationToken);
        var marked = await db.Set<HelpfulMark>().AnyAsync(m => m.CommentId == commentId, cancellationToken);
        if (helpful && !marked)
        {
            db.Add(new HelpfulMark { CommentId = commentId, PostId = comment.PostId, MarkedAt = time.UtcNow() });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Marked twice at once: the key keeps one mark, which is what was asked.
                return;
            }

            await badges.AwardAsync([comment.AuthorId], cancellationToken);
        }
        else if (!helpful && marked)
        {
            await db.Set<HelpfulMark>().Where(m => m.CommentId == commentId).ExecuteDeleteAsync(cancellationToken);
        }
    }

    /// <summary>Chooses (or withdraws) a question's best answer: at most one per question, so choosing another replaces it.</summary>
    public async Task MarkBestAsync(Viewer viewer, long commentId, bool best, CancellationToken cancellationToken)
    {
        var comment = await RequireMarkableAsync(viewer, commentId, cancellationToken);
        var question = await db.Set<Question>().SingleOrDefaultAsync(q => q.PostId == comment.PostId, cancellationToken)
            ?? throw RucheException.Invalid("question.not-a-question", "Only a post asked as a question has a best answer.");
        if (best)
        {
            question.BestCommentId = commentId;
        }
        else if (question.BestCommentId == commentId)
        {
            question.BestCommentId = null;
        }

        await db.SaveChangesAsync(cancellationToken);
        if (best)
        {
            await badges.AwardAsync([comment.AuthorId], cancellationToken);
        }
    }

    private async Task<MarkableComment> RequireMarkableAsync(Viewer viewer, long commentId, CancellationToken cancellationToken)
    {
        var me = viewer.PersonId;
        var comment = await db.Comments.Where(c => c.Id == commentId && c.HiddenAt == null && db.Posts.VisibleTo(me).Any(p => p.Id == c.PostId))
            .Select(c => new MarkableComment(
                c.PostId,
                c.AuthorId,
                db.Posts.Where(p => p.Id == c.PostId).Select(p => p.AuthorId).Single(),
                db.Posts.Any(p => p.Id == c.PostId && p.SpaceId != null && p.Space!.KeepsMembersPrivate())))
            .SingleOrDefaultAsync(cancellationToken) ?? throw RucheException.NotFound("comment.not-found", "No such comment.");
        if (comment.PostAuthorId != me)
        {
            throw RucheException.Forbidden("question.author-only", "Only the post's author marks its answers.");
        }

        // What happens in a union's or the staff representatives' space never earns anything seen outside it (badges).
        if (comment.InPrivateMembersSpace)
        {
            throw RucheException.Invalid("question.union-space", "Answers are not marked in a union's or the staff representatives' space.");
        }

        return comment.AuthorId == me
            ? throw RucheException.Invalid("question.own-comment", "Mark a colleague's answer, not your own.")
            : comment;
    }

    private sealed record MarkableComment(long PostId, long AuthorId, long? PostAuthorId, bool InPrivateMembersSpace);
}
