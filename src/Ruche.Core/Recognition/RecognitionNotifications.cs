using Ruche.Core.Notifications;

namespace Ruche.Core.Recognition;

/// <summary>What recognition tells people (registered by <c>AddRecognition()</c>).</summary>
public static class RecognitionNotifications
{
    /// <summary>Someone thanked you, or a team you belong to.</summary>
    public static readonly NotificationKind KudosReceived = new("kudos-received", KudosSubject.Instance);

    public static readonly IReadOnlyList<NotificationKind> All = [KudosReceived];
}
