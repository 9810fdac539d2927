using Ruche.Core.Notifications;

namespace Ruche.Core.Reporting;

/// <summary>
/// What the channel tells its referents, and nobody else (the subjects' rule drops every other recipient). Lines name
/// the case code only; they never say who reported (there is no actor on a case's lines).
/// </summary>
public static class ReportingNotifications
{
    public static readonly NotificationKind Received = new("reporting-received", ReportingCaseSubject.Instance, NotificationChannel.EmailDigest, ShowsActors: false);

    public static readonly NotificationKind ReporterWrote = new("reporting-message", ReportingCaseSubject.Instance, NotificationChannel.EmailDigest, ShowsActors: false);

    public static readonly NotificationKind Deadline = new("reporting-deadline", ReportingCaseSubject.Instance, NotificationChannel.EmailDigest, ShowsActors: false);

    /// <summary>Someone became or stopped being a referent: the others learn it, and who made the change.</summary>
    public static readonly NotificationKind Referents = new("reporting-referents", ReportingDeskSubject.Instance, NotificationChannel.EmailDigest);

    public static readonly IReadOnlyList<NotificationKind> All = [Received, ReporterWrote, Deadline, Referents];
}
