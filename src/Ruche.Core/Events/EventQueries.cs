using System.Linq.Expressions;
using Ruche.Core.Data;
using Ruche.Core.Spaces;

namespace Ruche.Core.Events;

/// <summary>
/// The one rule for who sees an event: the read rule of its space (<see cref="SpaceRules.IsReadableBy"/>), as the
/// forward half of <see cref="EventSubject"/>. Pages, the API, search, .ics files, calendar feeds and notifications all
/// go through it.
/// </summary>
public static class EventQueries
{
    public static IQueryable<SpaceEvent> VisibleTo(this IQueryable<SpaceEvent> events, long viewerId) => events.Where(e => e.IsReadableBy(viewerId));

    [ExpandedFrom(nameof(ReadableByRule))]
    public static bool IsReadableBy(this SpaceEvent spaceEvent, long personId) => throw ExpandedFromAttribute.OutsideAQuery();

    private static readonly Expression<Func<SpaceEvent, long, bool>> ReadableByRule = EventSubject.Instance.Readable;
}
