using Microsoft.EntityFrameworkCore;
using Ruche.Core.Audit;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.Notifications;
using Ruche.Core.People;

namespace Ruche.Core.Dialogue;

/// <summary>
/// Takedown of clearly illicit union content: only by an administrator, only with a reason and a legal basis, recorded,
/// told to the union, which may contest it. The content is hidden, as moderation hides it (its author and the space's
/// moderators, the delegates, still read it with the reason), never silently deleted.
/// </summary>
public sealed class TakedownService(RucheDbContext db, Notifier notifier, AuditLog audit, TimeProvider time)
{
    public async Task<long> TakeDownAsync(Viewer viewer, long postId, string? reason, string? legalBasis, CancellationToken cancellationToken)
    {
        if (!viewer.IsAdministrator)
        {
            throw RucheException.Forbidden("administrator-required", "Only administrators take union content down, through this procedure.");
        }

        var why = Required(reason, "dialogue.takedown-reason-required", "A takedown states its reason.");
        var basis = Required(legalBasis, "dialogue.takedown-legal-basis-required", "A takedown states its legal basis.");
        var target = await db.Posts.Where(p => p.Id == postId)
            .Select(p => new { p.HiddenAt, UnionId = db.Set<Union>().Where(u => u.SpaceId == p.SpaceId).Select(u => (long?)u.Id).FirstOrDefault() })
            .SingleOrDefaultAsync(cancellationToken) ?? throw RucheException.NotFound("post.not-found", "No such post.");
        if (target.UnionId is not { } unionId)
        {
            throw RucheException.Invalid("dialogue.takedown-not-union", "This procedure is for union content only.");
        }

        if (target.HiddenAt is not null)
        {
            throw RucheException.Conflict("dialogue.takedown-already", "This content is already removed.");
        }

        var now = time.UtcNow();
        var takedown = new UnionTakedown { UnionId = unionId, PostId = postId, Reason = why, LegalBasis = basis, DecidedById = viewer.PersonId, DecidedAt = now };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Add(takedown);
        await db.SaveChangesAsync(cancellationToken);
        await db.Posts.Where(p => p.Id == postId).ExecuteUpdateAsync(s => s.SetProperty(p => p.HiddenAt, now).SetProperty(p => p.HiddenReason, why), cancellationToken);
        await audit.RecordAsync(viewer.PersonId, "dialogue.takedown", $"union:{unionId}", new { post = postId, takedown = takedown.Id }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        var delegates = await db.Set<UnionMandate>().Where(d => d.UnionId == unionId).Select(d => d.PersonId).ToListAsync(cancellationToken);
        await notifier.NotifyAsync(DialogueNotifications.Takedown, viewer.PersonId, delegates, takedown.Id);
        return takedown.Id;
    }

    /// <summary>The union contests the takedown: its delegates say why, once; the administrators read it on the takedown.</summary>
    public async Task ContestAsync(Viewer viewer, long takedownId, string? text, CancellationToken cancellationToken)
    {
        var takedown = await Readable(viewer).SingleOrDefaultAsync(t => t.Id == takedownId, cancellationToken) ?? throw NotFound();
        if (!await db.Set<UnionMandate>().AnyAsync(d => d.UnionId == takedown.UnionId && d.PersonId == viewer.PersonId, cancellationToken))
        {
            throw RucheException.Forbidden("dialogue.delegates-only", "Only the union's delegates contest a takedown.");
        }

        var contest = Required(text, "dialogue.takedown-contest-required", "A contest states its grounds.");
        if (takedown.ContestedAt is not null)
        {
            throw RucheException.Conflict("dialogue.takedown-contested", "The union has already contested this takedown.");
        }

        takedown.Contest = contest;
        takedown.ContestedAt = time.UtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(null, "dialogue.takedown-contested", $"union:{takedown.UnionId}", new { takedown = takedown.Id }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>A union's takedowns, for its delegates and the administrators.</summary>
    public async Task<IReadOnlyList<TakedownView>> ListAsync(Viewer viewer, long unionId, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        return await Views(Readable(viewer).Where(t => t.UnionId == unionId).OrderByDescending(t => t.DecidedAt).Take(100), now).ToListAsync(cancellationToken);
    }

    public async Task<TakedownView> GetAsync(Viewer viewer, long takedownId, CancellationToken cancellationToken) =>
        await Views(Readable(viewer).Where(t => t.Id == takedownId), time.UtcNow()).SingleOrDefaultAsync(cancellationToken) ?? throw NotFound();

    private IQueryable<UnionTakedown> Readable(Viewer viewer) =>
        viewer.IsAdministrator ? db.Set<UnionTakedown>() : db.Set<UnionTakedown>().Where(Lambda.Bind(UnionTakedownSubject.Instance.Readable, viewer.PersonId));

    private static IQueryable<TakedownView> Views(IQueryable<UnionTakedown> takedowns, DateTime now) =>
        takedowns.Select(t => new TakedownView(
            t.Id, t.UnionId, t.Union!.Name, t.PostId, t.Reason, t.LegalBasis,
            t.DecidedBy == null ? null : PersonRefs.Of(t.DecidedBy, now), t.DecidedAt, t.Contest, t.ContestedAt));

    private static string Required(string? text, string code, string message)
    {
        var value = text?.Trim();
        return string.IsNullOrEmpty(value) || value.Length > DialogueLimits.TakedownTextMaxLength ? throw RucheException.Invalid(code, message) : value;
    }

    private static RucheException NotFound() => RucheException.NotFound("dialogue.takedown-not-found", "No such takedown.");
}

/// <param name="DecidedBy">Who decided, for the union to know whom to answer (the employer's act, not an employee's).</param>
public sealed record TakedownView(
    long Id, long UnionId, string UnionName, long? PostId, string Reason, string LegalBasis, PersonRef? DecidedBy, DateTime DecidedAt, string? Contest, DateTime? ContestedAt);
