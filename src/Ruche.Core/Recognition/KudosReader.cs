using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.People;
using Ruche.Core.Spaces;

namespace Ruche.Core.Recognition;

/// <summary>What pages and the API show of kudos, always through <see cref="KudosQueries.VisibleTo"/>: the monthly wall, a profile, a team, feeds.</summary>
public sealed class KudosReader(RucheDbContext db, TimeProvider time)
{
    public const int ProfileShown = 20;
    public const int FeedShown = 5;

    /// <summary>A month's thanks the viewer may read (the current month by default), newest first; one query.</summary>
    public async Task<KudosWall> WallAsync(Viewer viewer, DateOnly? month, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(time.UtcNow());
        var first = month is { } m ? new DateOnly(m.Year, m.Month, 1) : new DateOnly(today.Year, today.Month, 1);
        if (first < RecognitionInputs.Earliest || first > today.AddYears(1))
        {
            throw RucheException.Invalid("kudos.month-invalid", "A month is written yyyy-MM, from 2000 to next year.");
        }

        var from = first.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var to = first.AddMonths(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var items = await ProjectAsync(db.Set<Kudos>().VisibleTo(viewer.PersonId).Where(k => k.CreatedAt >= from && k.CreatedAt < to), int.MaxValue, cancellationToken);
        var next = first.AddMonths(1) > today ? (DateOnly?)null : first.AddMonths(1);
        return new KudosWall(first, items, first.AddMonths(-1), next);
    }

    /// <summary>What a profile shows: the latest thanks the person received that the viewer may read, their count, and the person's badges.</summary>
    public async Task<ProfileRecognition> ProfileAsync(Viewer viewer, long personId, CancellationToken cancellationToken)
    {
        var received = db.Set<Kudos>().VisibleTo(viewer.PersonId).Where(k => k.PersonId == personId);
        var items = await ProjectAsync(received, ProfileShown, cancellationToken);
        var count = items.Count < ProfileShown ? items.Count : await received.CountAsync(cancellationToken);
        var earned = await db.Set<EarnedBadge>().AsNoTracking().Where(b => b.PersonId == personId).OrderBy(b => b.EarnedAt)
            .Select(b => new BadgeView(b.Badge, b.EarnedAt)).ToListAsync(cancellationToken);
        return new ProfileRecognition(items, count, earned);
    }

    /// <summary>
    /// The card feeds show: the last week's thanks the viewer may read, to people who chose to show theirs in feeds
    /// (<see cref="RecognitionPreference"/>) or to a team; newest first.
    /// </summary>
    public Task<IReadOnlyList<KudosView>> ForFeedsAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        var since = time.UtcNow().AddDays(-7);
        var shown = db.Set<Kudos>().VisibleTo(viewer.PersonId).Where(k => k.CreatedAt > since
            && (k.PersonId == null || db.Set<RecognitionPreference>().Any(p => p.PersonId == k.PersonId && p.ShowKudosInFeeds)));
        return ProjectAsync(shown, FeedShown, cancellationToken);
    }

    public async Task<KudosView> GetAsync(Viewer viewer, long kudosId, CancellationToken cancellationToken) =>
        (await ProjectAsync(db.Set<Kudos>().VisibleTo(viewer.PersonId).Where(k => k.Id == kudosId), 1, cancellationToken)).SingleOrDefault()
            ?? throw KudosService.NotFound();

    private async Task<IReadOnlyList<KudosView>> ProjectAsync(IQueryable<Kudos> kudos, int take, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        return await kudos.AsNoTracking().OrderByDescending(k => k.CreatedAt).ThenByDescending(k => k.Id).Take(take)
            .Select(View(now)).ToListAsync(cancellationToken);
    }

    private static Expression<Func<Kudos, KudosView>> View(DateTime now) => k => new KudosView(
        k.Id,
        PersonRefs.Of(k.Giver!, now),
        k.PersonId == null ? null : PersonRefs.Of(k.Person!, now),
        k.SpaceId == null ? null : new SpaceLink(k.Space!.Id, k.Space.Name),
        new ValueView(k.Value!.Id, k.Value.LabelFr, k.Value.LabelEn, k.Value.Position, k.Value.IsArchived),
        k.Message,
        k.CreatedAt);
}
