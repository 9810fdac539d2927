namespace Ruche.Core.Notifications;

/// <summary>What notifications say live to their own recipient.</summary>
public interface INotificationsLiveClient
{
    /// <summary>The recipient's own unread notification count changed (sent only outside their quiet hours).</summary>
    Task NotificationsChanged(NotificationsChangedEvent message);
}

public sealed record NotificationsChangedEvent(int Unread);
