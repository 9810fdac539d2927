using Microsoft.EntityFrameworkCore;
using Ruche.Core.Audit;
using Ruche.Core.Common;
using Ruche.Core.Content;
using Ruche.Core.Data;
using Ruche.Core.Notifications;
using Ruche.Core.People;
using Ruche.Core.Targeting;

namespace Ruche.Core.Dialogue;

/// <summary>
/// A union's broadcasts: sent by its delegates without anyone's prior validation, within the agreement's channels and
/// monthly quota, to the employees of the chosen audience (site, department, category, topic; everyone by default) who
/// accept them (or, when the agreement pushes by default, who did not refuse).
/// Nobody learns who received or read one: the union sees counts of 5 or more, and nobody else sees even those.
/// </summary>
public sealed class BroadcastService(
    RucheDbContext db, UnionService unions, AgreementService agreements, AudienceFilter audiences, ContentRenderer renderer, Notifier notifier, AuditLog audit, TimeProvider time)
{
    private const int ListMax = 50;

    public async Task<long> SendAsync(Viewer viewer, long unionId, NewBroadcast request, CancellationToken cancellationToken)
    {
        var union = await unions.RequireDelegateAsync(viewer, unionId, cancellationToken);
        var cleanTitle = request.Title?.Trim();
        if (string.IsNullOrEmpty(cleanTitle) || cleanTitle.Length > DialogueLimits.BroadcastTitleMaxLength)
        {
            throw RucheException.Invalid("dialogue.broadcast-title-invalid", $"A broadcast needs a title of 1 to {DialogueLimits.BroadcastTitleMaxLength} characters.");
        }

        var text = request.Body?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > DialogueLimits.BroadcastBodyMaxLength)
        {
            throw RucheException.Invalid("dialogue.broadcast-body-invalid", $"A broadcast needs a text of 1 to {DialogueLimits.BroadcastBodyMaxLength} characters.");
        }

        var agreement = await agreements.InForceAsync(cancellationToken);
        if (agreement is not { AllowsBroadcasts: true })
        {
            throw RucheException.Forbidden("dialogue.broadcasts-not-agreed", "No agreement in force opens broadcasts to employees.");
        }

        var audience = await audiences.ValidateAsync(request.Audience, cancellationToken);
        var rendered = await renderer.RenderAsync(text, cancellationToken);
        var now = time.UtcNow();
        var monthStart = new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        var pushed = agreement.BroadcastsPushedByDefault;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // Taking the union's row first makes a second delegate sending at the same time wait and count this one.
        await db.Set<Union>().Where(u => u.Id == unionId).ExecuteUpdateAsync(s => s.SetProperty(u => u.BroadcastSequence, u => u.BroadcastSequence + 1), cancellationToken);
        if (await db.Set<UnionBroadcast>().CountAsync(b => b.UnionId == unionId && b.SentAt >= monthStart, cancellationToken) >= agreement.BroadcastsPerMonth)
        {
            throw RucheException.Conflict(
                "dialogue.broadcast-quota", $"This union has sent its {agreement.BroadcastsPerMonth} broadcasts of the month that the agreement allows.");
        }

        var recipients = await audiences.PeopleOf(audience)
            .Where(p => p.Id != viewer.PersonId && db.Set<Union>().Any(u => u.Id == unionId && u.IsPushedTo(p.Id, UnionChannel.Broadcasts, pushed)))
            .Select(p => p.Id)
            .ToListAsync(cancellationToken);
        var broadcast = new UnionBroadcast
        {
            UnionId = union.Id,
            AuthorId = viewer.PersonId,
            Title = cleanTitle,
            Body = text,
            BodyHtml = rendered.Html,
            SentAt = now,
            AudienceSiteId = audience.SiteId,
            AudienceDepartmentId = audience.DepartmentId,
            AudienceJobCategory = audience.JobCategory,
            AudienceTopic = audience.Topic,
            Recipients = recipients.Count,
        };
        db.Add(broadcast);
        await db.SaveChangesAsync(cancellationToken);

        // The company's log says a union broadcast went out, not which delegate or employee was involved.
        await audit.RecordAsync(null, "dialogue.broadcast-sent", $"union:{union.Id}", null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await notifier.NotifyAsync(DialogueNotifications.Broadcast, viewer.PersonId, recipients, broadcast.Id);
        return broadcast.Id;
    }

    /// <summary>A union's broadcasts the viewer may read, newest first (none once they refused that union's).</summary>
    public async Task<IReadOnlyList<BroadcastView>> ListAsync(Viewer viewer, long unionId, CancellationToken cancellationToken)
    {
        await unions.GetAsync(viewer, unionId, cancellationToken);
        var newest = db.Set<UnionBroadcast>().VisibleTo(viewer.PersonId).Where(b => b.UnionId == unionId)
            .OrderByDescending(b => b.SentAt).ThenByDescending(b => b.Id).Take(ListMax);
        return await Views(newest, viewer.PersonId).ToListAsync(cancellationToken);
    }

    public async Task<BroadcastView> GetAsync(Viewer viewer, long broadcastId, CancellationToken cancellationToken) =>
        await Views(db.Set<UnionBroadcast>().VisibleTo(viewer.PersonId).Where(b => b.Id == broadcastId), viewer.PersonId).SingleOrDefaultAsync(cancellationToken)
        ?? throw RucheException.NotFound("dialogue.broadcast-not-found", "No such broadcast.");

    /// <summary>The union's reach, for its delegates only: counts of people, none under 5.</summary>
    public async Task<UnionReach> ReachAsync(Viewer viewer, long unionId, CancellationToken cancellationToken)
    {
        await unions.RequireDelegateAsync(viewer, unionId, cancellationToken);
        var agreement = await agreements.InForceAsync(cancellationToken);
        var now = time.UtcNow();
        var monthStart = new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        var choices = await db.Set<BroadcastChoice>().Where(c => c.UnionId == unionId && c.Channel == UnionChannel.Broadcasts && c.Person!.IsActive)
            .GroupBy(c => c.Accepts).Select(g => new { Accepts = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var broadcasts = await db.Set<UnionBroadcast>().Where(b => b.UnionId == unionId)
            .OrderByDescending(b => b.SentAt).Take(ListMax)
            .Select(b => new { b.Id, b.Title, b.SentAt, b.Recipients })
            .ToListAsync(cancellationToken);
        return new UnionReach(
            Counted(choices.Where(c => c.Accepts).Sum(c => c.Count)),
            Counted(choices.Where(c => !c.Accepts).Sum(c => c.Count)),
            broadcasts.Count(b => b.SentAt >= monthStart),
            agreement is { AllowsBroadcasts: true } ? agreement.BroadcastsPerMonth : null,
            [.. broadcasts.Select(b => new BroadcastReach(b.Id, b.Title, b.SentAt, Counted(b.Recipients)))]);
    }

    /// <summary>A count of people, or nothing when fewer than 5 (a small group's count would point at its members).</summary>
    public static int? Counted(int people) => people >= DialogueLimits.SmallestCountedGroup ? people : null;

    private IQueryable<BroadcastView> Views(IQueryable<UnionBroadcast> broadcasts, long me)
    {
        var now = time.UtcNow();
        return broadcasts.Select(b => new BroadcastView(
            b.Id,
            b.UnionId,
            b.Union!.Name,
            b.Author == null ? null : PersonRefs.Of(b.Author, now),
            b.Title,
            b.BodyHtml,
            b.SentAt,
            !b.Union.IsRunBy(me)));
    }
}
