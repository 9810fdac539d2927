using Microsoft.EntityFrameworkCore;
using Ruche.Core.Audit;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.Files;
using Ruche.Core.Goals;
using Ruche.Core.Notifications;
using Ruche.Core.Posts;
using Ruche.Core.Subjects;


namespace Ruche.Core.Privacy;

/// <summary>
/// Retention policies per kind of content, set by administrators, and the job that applies them: content past its
/// time is deleted in batches, each batch in its own transaction, and each run that removed something is audited.
/// </summary>
public sealed class RetentionService(
    RucheDbContext db, NotificationsPersonalData notifications, SubjectKinds subjects, IFileStore files, UnattachedFiles unattached, AuditLog audit, AuditPruning auditPruning,
    TimeProvider time)
{
    public const int MinDays = 30;
    public const int MaxDays = 36_500;
    public const int BatchSize = 500;
    private const string LeaseName = "retention";

    public async Task<IReadOnlyList<RetentionSetting>> ListAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        RequireAdministrator(viewer);
        var policies = await PoliciesAsync(cancellationToken);
        return [.. Enum.GetValues<RetentionKind>().Select(k => new RetentionSetting(k, policies.TryGetValue(k, out var days) ? days : null))];
    }

    /// <summary>Sets how many days a kind is kept; null keeps it for ever (sign-ins: back to one year).</summary>
    public async Task SetAsync(Viewer viewer, string? kindName, int? days, CancellationToken cancellationToken)
    {
        RequireAdministrator(viewer);
        if (!Enum.TryParse<RetentionKind>(kindName, ignoreCase: true, out var kind) || !Enum.IsDefined(kind) || int.TryParse(kindName, out _))
        {
            throw RucheException.Invalid("retention.kind-invalid", "Retention applies to posts, comments, notifications and sign-ins.");
        }

        if (days is < MinDays or > MaxDays)
        {
            throw RucheException.Invalid("retention.days-invalid", $"Content is kept {MinDays} to {MaxDays} days.");
        }

        var policy = await db.Set<RetentionPolicy>().SingleOrDefaultAsync(p => p.Kind == kind, cancellationToken);
        if (days is null)
        {
            if (policy is not null)
            {
                db.Remove(policy);
            }
        }
        else if (policy is null)
        {
            db.Add(new RetentionPolicy { Kind = kind, Days = days.Value, UpdatedAt = time.UtcNow() });
        }
        else
        {
            policy.Days = days.Value;
            policy.UpdatedAt = time.UtcNow();
        }

        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(viewer.PersonId, "retention.set", $"retention:{kind}", new { days }, cancellationToken);
    }

    /// <summary>
    /// Applies every policy if this node wins the run (one node at a time, across the cluster); returns how many
    /// items went per kind, or null when another node holds the run.
    /// </summary>
    public async Task<IReadOnlyDictionary<RetentionKind, int>?> RunAsync(string node, TimeSpan lease, CancellationToken cancellationToken)
    {
        if (!await db.TryClaimAsync(LeaseName, node, time.UtcNow(), lease, cancellationToken))
        {
            return null;
        }

        var removed = new Dictionary<RetentionKind, int>();
        foreach (var (kind, days) in await PoliciesAsync(cancellationToken))
        {
            var cutoff = time.UtcNow().AddDays(-days);
            var count = kind switch
            {
                RetentionKind.Posts => await InBatchesAsync(() => DeletePostsAsync(cutoff, cancellationToken)),
                RetentionKind.Comments => await InBatchesAsync(() => DeleteCommentsAsync(cutoff, cancellationToken)),
                RetentionKind.SignIns => await auditPruning.PruneSignInsAsync(cutoff, cancellationToken),
                _ => await InBatchesAsync(() => notifications.DeleteOlderThanAsync(cutoff, BatchSize, cancellationToken)),
            };
            removed[kind] = count;
            if (count > 0)
            {
                await audit.RecordAsync(null, "retention.applied", $"retention:{kind}", new { days, removed = count }, cancellationToken);
            }
        }

        // Whatever the policies, notifications about subjects that are gone (hidden at once by the read rule) go too.
        await InBatchesAsync(() => notifications.DeleteOrphansAsync(subjects, BatchSize, cancellationToken));

        // And uploads nothing took within a day (ADR 26), with their bytes and renditions.
        await InBatchesAsync(() => unattached.DeleteExpiredAsync(BatchSize, cancellationToken));
        return removed;
    }

    /// <summary>The policies in force: those set, and sign-ins' one year unless one is set.</summary>
    private async Task<Dictionary<RetentionKind, int>> PoliciesAsync(CancellationToken cancellationToken)
    {
        var policies = await db.Set<RetentionPolicy>().AsNoTracking().ToDictionaryAsync(p => p.Kind, p => p.Days, cancellationToken);
        policies.TryAdd(RetentionKind.SignIns, RetentionPolicy.DefaultSignInDays);
        return policies;
    }

    private static async Task<int> InBatchesAsync(Func<Task<int>> batch)
    {
        var total = 0;
        int done;
        do
        {
            done = await batch();
            total += done;
        }
        while (done == BatchSize);
        return total;
    }

    private async Task<int> DeletePostsAsync(DateTime cutoff, CancellationToken cancellationToken)
    {
        var ids = await db.Posts.Where(p => p.CreatedAt < cutoff).OrderBy(p => p.Id).Select(p => p.Id).Take(BatchSize).ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return 0;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Their images and documents, and their comments' documents, go with them (as PostService.RemoveAsync does).
        var fileIds = await db.PostImages.Where(i => ids.Contains(i.PostId)).Select(i => i.FileId)
            .Concat(db.Set<PostDocument>().Where(d => ids.Contains(d.PostId)).Select(d => d.FileId))
            .Concat(db.Set<CommentDocument>().Where(d => db.Comments.Any(c => c.Id == d.CommentId && ids.Contains(c.PostId))).Select(d => d.FileId))
            .ToListAsync(cancellationToken);
        var commentIds = await db.Comments.Where(c => ids.Contains(c.PostId)).Select(c => c.Id).ToListAsync(cancellationToken);
        // A daily goals post takes its goals with it (cascade): their text leaves the search index too.
        var goalIds = await db.Goals.Where(g => db.GoalLists.Any(l => l.Id == g.ListId && ids.Contains(l.PostId))).Select(g => g.Id).ToListAsync(cancellationToken);
        await db.Posts.Where(p => ids.Contains(p.Id)).ExecuteDeleteAsync(cancellationToken);
        await db.Files.Where(f => fileIds.Contains(f.Id)).ExecuteDeleteAsync(cancellationToken);
        await db.SearchDocuments.Where(d => (d.Kind == PostSearchSource.KindName && ids.Contains(d.SourceId))
                || (d.Kind == CommentSearchSource.KindName && commentIds.Contains(d.SourceId))
                || (d.Kind == GoalSearchSource.KindName && goalIds.Contains(d.SourceId)))
            .ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        foreach (var id in fileIds)
        {
            await files.DeleteAsync(id, CancellationToken.None);
        }

        return ids.Count;
    }

    private async Task<int> DeleteCommentsAsync(DateTime cutoff, CancellationToken cancellationToken)
    {
        var ids = await db.Comments.Where(c => c.CreatedAt < cutoff).OrderBy(c => c.Id).Select(c => c.Id).Take(BatchSize).ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return 0;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Replies (one level deep) go with the comment they answer (cascade), and so do their search documents.
        var gone = await db.Comments.Where(c => ids.Contains(c.Id) || (c.ParentCommentId != null && ids.Contains(c.ParentCommentId.Value)))
            .Select(c => c.Id).ToListAsync(cancellationToken);
        await db.Comments.Where(c => ids.Contains(c.Id)).ExecuteDeleteAsync(cancellationToken);
        await db.SearchDocuments.Where(d => d.Kind == CommentSearchSource.KindName && gone.Contains(d.SourceId)).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ids.Count;
    }

    private static void RequireAdministrator(Viewer viewer)
    {
        if (!viewer.IsAdministrator)
        {
            throw RucheException.Forbidden("administrator-required", "Only administrators set retention policies.");
        }
    }
}

public sealed record RetentionSetting(RetentionKind Kind, int? Days);
