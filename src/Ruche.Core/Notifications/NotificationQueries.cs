using Ruche.Core.Data;
using Ruche.Core.Events;
using Ruche.Core.Posts;
using Ruche.Core.Spaces;

namespace Ruche.Core.Notifications;

/// <summary>
/// The read rule for notifications, checked again at read time: a row about a post shows only while its recipient may
/// read the post (<see cref="PostQueries.VisibleTo"/>), a row about a space's moderation only while they moderate it,
/// a row about an event only while they see the event (<see cref="EventQueries.VisibleTo"/>).
/// Someone removed from a space loses its notifications from their list and count at once, with nothing to delete.
/// </summary>
public static class NotificationQueries
{
    public static IQueryable<Notification> VisibleTo(this IQueryable<Notification> notifications, RucheDbContext db, long personId)
    {
        // Built outside the lambda so EF Core inlines it as a subquery (it cannot translate a call to VisibleTo inside).
        var readable = db.Posts.VisibleTo(personId);
        var events = db.Events.VisibleTo(personId);
        var moderated = db.SpaceMemberships.Where(m => m.PersonId == personId && m.IsModerating());
        return notifications.Where(n => n.RecipientId == personId
            && (n.PostId == null || readable.Any(p => p.Id == n.PostId))
            && (n.SpaceId == null || moderated.Any(m => m.SpaceId == n.SpaceId))
            && (n.EventId == null || events.Any(e => e.Id == n.EventId)));
    }

    /// <summary>True when the instant falls in the quiet hours, read on the person's own clock.</summary>
    public static bool IsQuiet(QuietHours? quiet, string timeZoneId, DateTimeOffset now)
    {
        if (quiet is null || quiet.StartMinute == quiet.EndMinute)
        {
            return false;
        }

        var local = People.TimeZones.ToLocal(now.UtcDateTime, timeZoneId);
        var minute = (local.Hour * 60) + local.Minute;
        return quiet.StartMinute < quiet.EndMinute
            ? minute >= quiet.StartMinute && minute < quiet.EndMinute
            : minute >= quiet.StartMinute || minute < quiet.EndMinute;
    }
}
