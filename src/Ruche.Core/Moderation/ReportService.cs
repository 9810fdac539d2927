using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.Posts;
using Ruche.Core.Recognition;

namespace Ruche.Core.Moderation;

/// <summary>Anyone who reads a post, a comment or a kudos may report it to its moderators, once.</summary>
public sealed class ReportService(RucheDbContext db, TimeProvider time)
{
    public async Task<ReportReceipt> ReportPostAsync(Viewer viewer, long postId, ReportReason? reason, string? note, CancellationToken cancellationToken)
    {
        var post = await db.Posts.VisibleTo(viewer.PersonId).Where(p => p.Id == postId).Select(p => new { p.AuthorId }).SingleOrDefaultAsync(cancellationToken)
            ?? throw RucheException.NotFound("post.not-found", "No such post.");

        // A post Ruche wrote (a weekly recap) has nobody to tell of a decision: its space's moderators delete it if needed.
        var authorId = post.AuthorId ?? throw RucheException.Invalid("report.system-post", "Ruche wrote this post; ask the space's moderators to delete it.");
        return await ReportAsync(viewer, ReportedContent.Post, postId, postId, authorId, reason, note, cancellationToken);
    }

    public async Task<ReportReceipt> ReportCommentAsync(Viewer viewer, long postId, long commentId, ReportReason? reason, string? note, CancellationToken cancellationToken)
    {
        var posts = db.Posts.VisibleTo(viewer.PersonId);
        var comment = await db.Comments.Where(c => c.Id == commentId && c.PostId == postId && c.HiddenAt == null && posts.Any(p => p.Id == c.PostId))
            .Select(c => new { c.PostId, c.AuthorId }).SingleOrDefaultAsync(cancellationToken)
            ?? throw RucheException.NotFound("comment.not-found", "No such comment.");
        return await ReportAsync(viewer, ReportedContent.Comment, commentId, comment.PostId, comment.AuthorId, reason, note, cancellationToken);
    }

    /// <summary>A thank-you the viewer reads (its message is someone's words about a colleague, shown on profiles and the wall).</summary>
    public async Task<ReportReceipt> ReportKudosAsync(Viewer viewer, long kudosId, ReportReason? reason, string? note, CancellationToken cancellationToken)
    {
        var giverId = await db.Set<Kudos>().VisibleTo(viewer.PersonId).Where(k => k.Id == kudosId).Select(k => (long?)k.GiverId).SingleOrDefaultAsync(cancellationToken)
            ?? throw RucheException.NotFound("kudos.not-found", "No such thank-you.");
        return await ReportAsync(viewer, ReportedContent.Kudos, kudosId, null, giverId, reason, note, cancellationToken);
    }

    private async Task<ReportReceipt> ReportAsync(
        Viewer viewer, ReportedContent content, long contentId, long? postId, long authorId, ReportReason? reason, string? note, CancellationToken cancellationToken)
    {
        if (reason is not { } chosen || !Enum.IsDefined(chosen))
        {
            throw RucheException.Invalid("report.reason-required", "Choose a reason: spam, harassment, hate, illegal, confidential or other.");
        }

        var text = Input.Text(note);
        if (text.Length > Limits.ReportNoteMaxLength)
        {
            throw RucheException.Invalid("report.note-too-long", $"A report's note holds at most {Limits.ReportNoteMaxLength} characters.");
        }

        if (authorId == viewer.PersonId)
        {
            throw RucheException.Invalid("report.own-content", "Delete or edit your own content instead of reporting it.");
        }

        if (await ExistingAsync(viewer, content, contentId, cancellationToken) is { } existing)
        {
            return existing;
        }

        var report = new ContentReport
        {
            Content = content,
            ContentId = contentId,
            PostId = postId,
            ReporterId = viewer.PersonId,
            Reason = chosen,
            Note = text.Length == 0 ? null : text,
            CreatedAt = time.UtcNow(),
        };
        db.Add(report);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new ReportReceipt(report.Id, Created: true, Open: true);
        }
        catch (DbUpdateException)
        {
            // The same person reporting twice at once: the key kept the first.
            db.Entry(report).State = EntityState.Detached;
            if (await ExistingAsync(viewer, content, contentId, cancellationToken) is { } first)
            {
                return first;
            }

            throw;
        }
    }

    private Task<ReportReceipt?> ExistingAsync(Viewer viewer, ReportedContent content, long contentId, CancellationToken cancellationToken) =>
        db.Set<ContentReport>().Where(r => r.Content == content && r.ContentId == contentId && r.ReporterId == viewer.PersonId)
            .Select(r => new ReportReceipt(r.Id, false, r.DecisionId == null)).Cast<ReportReceipt?>().SingleOrDefaultAsync(cancellationToken);
}
