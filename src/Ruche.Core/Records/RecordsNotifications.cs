using Ruche.Core.Notifications;

namespace Ruche.Core.Records;

/// <summary>What negotiation records and CSE minutes tell people (registered by <c>AddRecords()</c>).</summary>
public static class RecordsNotifications
{
    /// <summary>A record was submitted, or reopened by an edit: its parties are asked to approve it.</summary>
    public static readonly NotificationKind ToApprove = new("negotiation-to-approve", NegotiationSubject.Instance);

    /// <summary>Every party approved: the record is published to its audience.</summary>
    public static readonly NotificationKind Published = new("negotiation-published", NegotiationSubject.Instance);

    /// <summary>The secretary's minutes fall due soon (sent once per meeting).</summary>
    public static readonly NotificationKind MinutesDue = new("cse-minutes-due", CseMeetingSubject.Instance);

    public static readonly IReadOnlyList<NotificationKind> All = [ToApprove, Published, MinutesDue];
}
