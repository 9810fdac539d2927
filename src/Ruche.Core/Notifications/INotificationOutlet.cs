namespace Ruche.Core.Notifications;

/// <summary>
/// Another way out for notifications once they are raised (push to devices): called by the <see cref="Notifier"/>
/// with the recipients it kept (active, allowed to read the subject, not having turned the kind off), inside the
/// transaction that writes the rows, so what it queues commits or rolls back with them.
/// </summary>
public interface INotificationOutlet
{
    Task RaisedAsync(NotificationKind kind, long? actorId, IReadOnlyList<long> recipients);
}
