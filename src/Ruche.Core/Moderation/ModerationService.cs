using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.Notifications;
using Ruche.Core.Posts;
using Ruche.Core.Recognition;

namespace Ruche.Core.Moderation;

/// <summary>
/// A moderator's decision on reported content (hide, delete or dismiss) with a reason: it closes every open report
/// about that content, leaves a trace in the audit log, and tells the author of hidden or deleted content why (never who
/// reported it).
/// </summary>
public sealed class ModerationService(
    RucheDbContext db, PostService posts, CommentService comments, LiveEvents live, Notifier notifier, Audit.AuditLog audit, TimeProvider time)
{
    public async Task<long> DecideAsync(
        Viewer viewer, ReportedContent? content, long contentId, ModerationAction? action, string? reason, CancellationToken cancellationToken)
    {
        if (content is not { } kind || !Enum.IsDefined(kind))
        {
            throw RucheException.Invalid("moderation.content-required", "Say what the decision is about: a post, a comment or a kudos.");
        }

        if (action is not { } act || !Enum.IsDefined(act) || act == ModerationAction.Restore)
        {
            throw RucheException.Invalid("moderation.action-required", "Choose an action: hide, delete or dismiss.");
        }

        var why = Reason(reason);
        var target = await TargetAsync(viewer, kind, contentId, cancellationToken);
        var open = db.Set<ContentReport>().Where(r => r.Content == kind && r.ContentId == contentId && r.DecisionId == null);
        var now = time.UtcNow();
        var decision = new ModerationDecision
        {
            Content = kind,
            ContentId = contentId,
            PostId = target.PostId,
            SpaceId = target.SpaceId,
            AuthorId = target.AuthorId,
            Action = act,
            Reason = why,
            DecidedById = viewer.PersonId,
            DecidedAt = now,
        };

        // One transaction: the decision claims the open reports (a conditional update, so of two moderators deciding at
        // once only one changes rows and the other's transaction is rolled back), then hides or deletes, then records.
        IReadOnlyList<Guid> deletedFiles = [];
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            db.Add(decision);
            await db.SaveChangesAsync(cancellationToken);
            var closed = await open.ExecuteUpdateAsync(s => s.SetProperty(r => r.DecisionId, decision.Id), cancellationToken);
            if (closed == 0)
            {
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                throw RucheException.Conflict("moderation.no-open-report", "Nobody reported this content, or a decision was already made.");
            }

            if (act == ModerationAction.Hide)
            {
                await HideAsync(kind, contentId, why, now, cancellationToken);
            }
            else if (act == ModerationAction.Delete && kind == ReportedContent.Post)
            {
                deletedFiles = await posts.RemoveAsync(viewer, target.PostId!.Value, target.AuthorId, target.SpaceId, cancellationToken);
            }
            else if (act == ModerationAction.Delete && kind == ReportedContent.Comment)
            {
                deletedFiles = await comments.RemoveAsync(viewer, target.PostId!.Value, contentId, target.AuthorId, cancellationToken);
            }
            else if (act == ModerationAction.Delete && kind == ReportedContent.Kudos)
            {
                await db.Set<Kudos>().Where(k => k.Id == contentId).ExecuteDeleteAsync(cancellationToken);
            }

            await audit.RecordAsync(
                viewer.PersonId,
                "moderation.report-decided",
                $"{Name(kind)}:{contentId}",
                new { action = Name(act), decision = decision.Id, post = target.PostId, space = target.SpaceId, author = target.AuthorId, reports = closed, reason = why },
                cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await posts.DeleteStoredFilesAsync(deletedFiles);
        if (act != ModerationAction.Dismiss)
        {
            await notifier.NotifyAsync(ModerationNotifications.Decision, viewer.PersonId, [target.AuthorId], decision.Id);
        }

        if (act != ModerationAction.Dismiss && kind == ReportedContent.Comment)
        {
            await live.CommentsChangedAsync(target.PostId!.Value);
        }

        return decision.Id;
    }

    /// <summary>
    /// Shows hidden content again (an appeal upheld, a hide made by mistake), with a reason its author is told of; recorded
    /// as a decision and in the audit log like the hide it reverses.
    /// </summary>
    public async Task<long> RestoreAsync(Viewer viewer, ReportedContent? content, long contentId, string? reason, CancellationToken cancellationToken)
    {
        if (content is not { } kind || !Enum.IsDefined(kind))
        {
            throw RucheException.Invalid("moderation.content-required", "Say what the decision is about: a post, a comment or a kudos.");
        }

        var why = Reason(reason);
        var target = await TargetAsync(viewer, kind, contentId, cancellationToken);
        var decision = new ModerationDecision
        {
            Content = kind,
            ContentId = contentId,
            PostId = target.PostId,
            SpaceId = target.SpaceId,
            AuthorId = target.AuthorId,
            Action = ModerationAction.Restore,
            Reason = why,
            DecidedById = viewer.PersonId,
            DecidedAt = time.UtcNow(),
        };

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            // Conditional, like a decision's claim: of two moderators restoring at once, one changes the row.
            var shown = kind switch
            {
                ReportedContent.Post => await db.Posts.Where(p => p.Id == contentId && p.HiddenAt != null).ExecuteUpdateAsync(s => s.SetProperty(p => p.HiddenAt, (DateTime?)null).SetProperty(p => p.HiddenReason, (string?)null), cancellationToken),
                ReportedContent.Comment => await db.Comments.Where(c => c.Id == contentId && c.HiddenAt != null).ExecuteUpdateAsync(s => s.SetProperty(c => c.HiddenAt, (DateTime?)null).SetProperty(c => c.HiddenReason, (string?)null), cancellationToken),
                ReportedContent.Kudos => await db.Set<Kudos>().Where(k => k.Id == contentId && k.HiddenAt != null).ExecuteUpdateAsync(s => s.SetProperty(k => k.HiddenAt, (DateTime?)null).SetProperty(k => k.HiddenReason, (string?)null), cancellationToken),
                _ => throw new ArgumentOutOfRangeException(nameof(content), kind, "No such reported content."),
            };
            if (shown == 0)
            {
                throw RucheException.Conflict("moderation.not-hidden", "This content is not hidden.");
            }

            db.Add(decision);
            await db.SaveChangesAsync(cancellationToken);
            await audit.RecordAsync(
                viewer.PersonId,
                "moderation.content-restored",
                $"{Name(kind)}:{contentId}",
                new { decision = decision.Id, post = target.PostId, space = target.SpaceId, author = target.AuthorId, reason = why },
                cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await notifier.NotifyAsync(ModerationNotifications.Decision, viewer.PersonId, [target.AuthorId], decision.Id);
        if (kind == ReportedContent.Comment)
        {
            await live.CommentsChangedAsync(target.PostId!.Value);
        }

        return decision.Id;
    }

    /// <summary>A decision about the viewer's own content, as the subject's rule lets them read it; "not found" otherwise.</summary>
    public async Task<DecisionView> DecisionAsync(Viewer viewer, long decisionId, CancellationToken cancellationToken)
    {
        var readable = ModerationDecisionSubject.Instance.ReadableBy(db, viewer.PersonId);
        var visiblePosts = db.Posts.VisibleTo(viewer.PersonId);
        return await db.Set<ModerationDecision>().Where(d => d.Id == decisionId && readable.Contains(d.Id))
            .Select(d => new DecisionView(
                d.Id,
                d.Content,
                d.Action,
                d.Reason,
                d.DecidedAt,
                d.Action != ModerationAction.Delete && visiblePosts.Any(p => p.Id == d.PostId) ? d.PostId : null,
                db.Spaces.Where(s => s.Id == d.SpaceId).Select(s => new SpaceRef(s.Id, s.Name, s.Visibility)).FirstOrDefault()))
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw RucheException.NotFound("moderation.decision-not-found", "No such decision about your content.");
    }

    /// <summary>The reported content, if the viewer moderates it; "not found" when they may not even read it.</summary>
    private async Task<Target> TargetAsync(Viewer viewer, ReportedContent kind, long contentId, CancellationToken cancellationToken)
    {
        if (kind == ReportedContent.Kudos)
        {
            var kudos = db.Set<Kudos>().Where(k => k.Id == contentId);
            if (await kudos.Where(ModerationRights.ModeratesKudos(viewer)).Select(k => new Target(null, k.GiverId, k.SpaceId)).SingleOrDefaultAsync(cancellationToken) is { } thanks)
            {
                return thanks;
            }

            throw await kudos.VisibleTo(viewer.PersonId).AnyAsync(cancellationToken)
                ? RucheException.Forbidden("moderation.forbidden", "Only the moderators of this content's space decide on it.")
                : RucheException.NotFound("moderation.content-not-found", "No such post or comment.");
        }

        var target = kind == ReportedContent.Post
            ? await db.Posts.Where(p => p.Id == contentId && p.AuthorId != null).Select(p => new Target(p.Id, p.AuthorId!.Value, p.SpaceId)).SingleOrDefaultAsync(cancellationToken)
            : await db.Comments.Where(c => c.Id == contentId)
                .Join(db.Posts, c => c.PostId, p => p.Id, (c, p) => new Target(p.Id, c.AuthorId, p.SpaceId)).SingleOrDefaultAsync(cancellationToken);
        if (target is not null && await db.Posts.Where(ModerationRights.Moderates(viewer)).AnyAsync(p => p.Id == target.PostId, cancellationToken))
        {
            return target;
        }

        if (target is not null && await db.Posts.VisibleTo(viewer.PersonId).AnyAsync(p => p.Id == target.PostId, cancellationToken))
        {
            throw RucheException.Forbidden("moderation.forbidden", "Only the moderators of this content's space decide on it.");
        }

        throw RucheException.NotFound("moderation.content-not-found", "No such post or comment.");
    }

    private static string Reason(string? reason)
    {
        var why = Input.Text(reason);
        if (why.Length == 0)
        {
            throw RucheException.Invalid("moderation.reason-required", "Give the reason for the decision: its author is told of it.");
        }

        return why.Length > Limits.ModerationReasonMaxLength
            ? throw RucheException.Invalid("moderation.reason-too-long", $"A decision's reason holds at most {Limits.ModerationReasonMaxLength} characters.")
            : why;
    }

    private Task<int> HideAsync(ReportedContent kind, long contentId, string reason, DateTime now, CancellationToken cancellationToken) => kind switch
    {
        ReportedContent.Post => db.Posts.Where(p => p.Id == contentId).ExecuteUpdateAsync(s => s.SetProperty(p => p.HiddenAt, now).SetProperty(p => p.HiddenReason, reason), cancellationToken),
        ReportedContent.Comment => db.Comments.Where(c => c.Id == contentId).ExecuteUpdateAsync(s => s.SetProperty(c => c.HiddenAt, now).SetProperty(c => c.HiddenReason, reason), cancellationToken),
        ReportedContent.Kudos => db.Set<Kudos>().Where(k => k.Id == contentId).ExecuteUpdateAsync(s => s.SetProperty(k => k.HiddenAt, now).SetProperty(k => k.HiddenReason, reason), cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No such reported content."),
    };

    private static string Name(ReportedContent kind) => kind switch
    {
        ReportedContent.Post => "post",
        ReportedContent.Comment => "comment",
        ReportedContent.Kudos => "kudos",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No such reported content."),
    };

    private static string Name(ModerationAction action) => action switch
    {
        ModerationAction.Hide => "hide",
        ModerationAction.Delete => "delete",
        ModerationAction.Restore => "restore",
        _ => "dismiss",
    };

    private sealed record Target(long? PostId, long AuthorId, long? SpaceId);
}
