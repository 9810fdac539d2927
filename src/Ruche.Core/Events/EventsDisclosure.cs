using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.Events;
using Ruche.Core.PersonalData;

namespace Ruche.Core.Events;

/// <summary>
/// Events a person organises, and their answers to events, are seen by whoever sees the event (the readers of its
/// space); their calendar feed address is theirs alone.
/// </summary>
public sealed class EventsDisclosure(RucheDbContext db) : IDisclosureSource
{
    public async Task<IReadOnlyList<Disclosure>> DescribeAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        var me = viewer.PersonId;
        var organised = await db.Events.CountAsync(e => e.OrganizerId == me, cancellationToken);
        var answers = await db.EventAttendees.CountAsync(a => a.PersonId == me && a.Response != RsvpResponse.Pending, cancellationToken);
        var feeds = await db.CalendarFeeds.CountAsync(f => f.PersonId == me, cancellationToken);
        return
        [
            new Disclosure("events", organised, Audiences.ReadersOfTheEvent),
            new Disclosure("event-answers", answers, Audiences.ReadersOfTheEvent),
            new Disclosure("calendar-feed", feeds, Audiences.OnlyYou),
        ];
    }
}
