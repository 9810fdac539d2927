using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Content;
using Ruche.Core.Data;
using Ruche.Core.People;
using Ruche.Core.Posts;
using Ruche.Core.Spaces;

namespace Ruche.Core.Recognition;

/// <summary>Questions and marks as readers see them, through the post's read rule: a non-reader of the post sees nothing.</summary>
public sealed class QuestionReader(RucheDbContext db, TimeProvider time)
{
    public const int ListShown = 50;

    /// <summary>A post's marks (helpful comments, best answer, whether it is a question); "not found" when the viewer may not read it.</summary>
    public async Task<AnswerMarks> MarksAsync(Viewer viewer, long postId, CancellationToken cancellationToken)
    {
        var me = viewer.PersonId;

        // Whoever may open the post reads its marks: its readers, and its moderators while it is hidden.
        var post = await db.Posts.OpenableBy(viewer).Where(p => p.Id == postId)
            .Select(p => new
            {
                p.AuthorId,
                Question = db.Set<Question>().Where(q => q.PostId == p.Id).Select(q => new { q.BestCommentId }).FirstOrDefault(),
                Helpful = db.Set<HelpfulMark>().Where(m => m.PostId == p.Id).OrderBy(m => m.CommentId).Select(m => m.CommentId).ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken) ?? throw RucheException.NotFound("post.not-found", "No such post.");
        return new AnswerMarks(postId, post.Question is not null, post.Question?.BestCommentId, post.Helpful, post.AuthorId == me);
    }

    /// <summary>The questions the viewer may read, newest first; only those without a best answer, or only in one space, when asked.</summary>
    public async Task<IReadOnlyList<QuestionCard>> ListAsync(Viewer viewer, long? spaceId, bool unansweredOnly, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var visible = db.Posts.VisibleTo(viewer.PersonId);
        var questions = db.Set<Question>().Where(q => visible.Any(p => p.Id == q.PostId));
        if (spaceId is { } space)
        {
            questions = questions.Where(q => q.Post!.SpaceId == space);
        }

        if (unansweredOnly)
        {
            questions = questions.Where(q => q.BestCommentId == null);
        }

        var rows = await questions.AsNoTracking().OrderByDescending(q => q.AskedAt).ThenByDescending(q => q.PostId).Take(ListShown)
            .Select(q => new
            {
                q.PostId,
                Author = q.Post!.AuthorId == null ? null : PersonRefs.Of(q.Post.Author!, now),
                Space = q.Post.SpaceId == null ? null : new SpaceLink(q.Post.Space!.Id, q.Post.Space.Name),
                Start = q.Post.BodyHtml.Substring(0, PostSubject.ExcerptLength * 8),
                q.AskedAt,
                Answered = q.BestCommentId != null,
                Comments = db.Comments.Count(c => c.PostId == q.PostId && c.HiddenAt == null),
            })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new QuestionCard(r.PostId, r.Author, r.Space, MarkdownContent.ExcerptOfHtml(r.Start, PostSubject.ExcerptLength), r.AskedAt, r.Answered, r.Comments))];
    }
}
