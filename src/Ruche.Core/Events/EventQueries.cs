using Ruche.Core.Spaces;

namespace Ruche.Core.Events;

/// <summary>
/// The one rule for who sees an event, as a query operator: the read rule of its space (open, or an active member).
/// Pages, the API, search, .ics files, calendar feeds and notifications all go through it.
/// </summary>
public static class EventQueries
{
    public static IQueryable<SpaceEvent> VisibleTo(this IQueryable<SpaceEvent> events, long viewerId) =>
        events.Where(e => e.Space!.Visibility == SpaceVisibility.Open
            || e.Space.Members.Any(m => m.PersonId == viewerId && m.Status == MembershipStatus.Active));
}
