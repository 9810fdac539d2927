using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.Events;
using Ruche.Core.People;
using Ruche.Core.Search;
using Ruche.Core.Spaces;

namespace Ruche.Core.Events;

/// <summary>Events by title and agenda, found by whoever sees them (<see cref="EventQueries.VisibleTo"/>).</summary>
public sealed class EventSearchSource(TimeProvider time) : ISearchSource
{
    public const string KindName = "event";

    public string Kind => KindName;

    public IEnumerable<Func<long>> Touched(EntityEntry entry)
    {
        if (entry.Entity is SpaceEvent e
            && (entry.State != EntityState.Modified || entry.Property(nameof(SpaceEvent.Title)).IsModified || entry.Property(nameof(SpaceEvent.Description)).IsModified))
        {
            yield return () => e.Id;
        }
    }

    public async Task<IReadOnlyList<SearchSourceDocument>> LoadAsync(RucheDbContext db, SearchBatch batch, CancellationToken cancellationToken)
    {
        var events = batch.Ids is { } ids
            ? db.Events.Where(e => ids.Contains(e.Id))
            : db.Events.Where(e => e.Id > batch.AfterId).OrderBy(e => e.Id).Take(batch.Size);
        return await events
            .Select(e => new SearchSourceDocument(e.Id, e.Title, e.Description, e.SpaceId, e.OrganizerId, e.CreatedAt))
            .ToListAsync(cancellationToken);
    }

    public Expression<Func<SearchHit, bool>> ReadableBy(RucheDbContext db, Viewer viewer)
    {
        var visible = db.Events.VisibleTo(viewer.PersonId);
        return h => visible.Any(e => e.Id == h.SourceId);
    }

    public Expression<Func<SearchHit, bool>>? Tagged(RucheDbContext db, string tag) => null;

    public async Task<IReadOnlyDictionary<long, SearchSourceView>> DescribeAsync(RucheDbContext db, Viewer viewer, IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        var now = Data.Clock.UtcNow(time);
        var rows = await db.Events.VisibleTo(viewer.PersonId).Where(e => ids.Contains(e.Id))
            .Select(e => new
            {
                e.Id,
                e.Title,
                e.Description,
                e.StartsAt,
                Organizer = PersonRefs.Of(e.Organizer!, now),
                Space = new SpaceRef(e.Space!.Id, e.Space.Name, e.Space.Visibility),
            })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(
            r => r.Id,
            r => new SearchSourceView(r.Title, Content.MarkdownContent.PlainText(r.Description), $"/events/{r.Id}", r.Organizer, r.Space, r.StartsAt));
    }
}
