using System.Linq.Expressions;
using Ruche.Core.Data;
using Ruche.Core.Subjects;

namespace Ruche.Core.Notifications;

/// <summary>
/// The read rule for notifications, checked again at read time: a row shows only while its recipient may read its
/// subject, by that subject kind's own rule (<see cref="ISubjectKind.Reads"/>). Someone removed from a space loses its
/// notifications from their list and count at once, with nothing to delete; a new subject kind is covered the day it is
/// registered.
/// </summary>
public static class NotificationQueries
{
    public static IQueryable<Notification> VisibleTo(this IQueryable<Notification> notifications, RucheDbContext db, SubjectKinds subjects, long personId) =>
        notifications.Where(n => n.RecipientId == personId).Where(Readable(db, subjects));

    /// <summary>
    /// Rows their own recipient may read: for each registered kind, "about this kind and readable by the recipient".
    /// The recipient is a column, so one query covers many people (the unread counts pushed after a notification).
    /// </summary>
    public static Expression<Func<Notification, bool>> Readable(RucheDbContext db, SubjectKinds subjects)
    {
        var row = Expression.Parameter(typeof(Notification), "n");
        var kind = Expression.Property(row, nameof(Notification.SubjectKind));
        var subjectId = Expression.Property(row, nameof(Notification.SubjectId));
        var recipient = Expression.Property(row, nameof(Notification.RecipientId));
        Expression body = Expression.Constant(false);
        foreach (var subject in subjects.All)
        {
            var about = Expression.Equal(kind, Expression.Constant(subject.Name));
            body = Expression.OrElse(body, Expression.AndAlso(about, Lambda.Apply(subject.Reads(db), subjectId, recipient)));
        }

        return Expression.Lambda<Func<Notification, bool>>(body, row);
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
