namespace Ruche.Core.Reporting;

/// <summary>What a report says, as typed; validated by <see cref="ReportingIntake"/> before anything is stored.</summary>
/// <param name="Topic">corruption, harassment, discrimination, health-safety, environment or other (the enum's names, any case).</param>
/// <param name="Named">Confidential (a name and a way to reach them, seen by referents only) rather than anonymous.</param>
public sealed record CaseSubmission(string? Text, string? Topic, string? Concerned = null, bool Named = false, string? Name = null, string? Contact = null);

/// <summary>The signed-in person making a named report: their identity is sealed with the case, never stored as an id.</summary>
public sealed record ReporterAccount(long PersonId, string DisplayName, string? Email);

/// <summary>Shown once to the reporter: with both, and only with both, they follow the case.</summary>
public sealed record CaseReceipt(string Code, string Secret);

/// <summary>What the reporter sees of their case (never the referents' names).</summary>
public sealed record ReporterCaseView(
    string Code, CaseStatus Status, CaseOutcome? Outcome, DateTime ReceivedAt, DateTime? AcknowledgedAt, DateTime? ClosedAt, bool IsNamed,
    string? Text, IReadOnlyList<CaseMessageView> Messages, bool Anonymised);

/// <param name="FromReporter">Written by the reporter; otherwise by a referent (named to other referents only).</param>
public sealed record CaseMessageView(long Id, bool FromReporter, string? ReferentName, DateTime At, string Text);

/// <summary>A line of the referents' dashboard: deadlines and status, never the case's text.</summary>
public sealed record CaseLine(
    long Id, string Code, CaseTopic Topic, CaseStatus Status, DateTime ReceivedAt, DateOnly AcknowledgeBy, DateOnly FeedbackBy,
    DateTime? AcknowledgedAt, DateTime? FeedbackGivenAt, DeadlineState Deadline, DateOnly? NextDeadline, bool IsNamed);

public enum DeadlineState
{
    None,
    OnTrack,
    AtRisk,
    Overdue,
}

/// <summary>Everything a referent reads on a case.</summary>
public sealed record CaseView(
    CaseLine Line, CaseOutcome? Outcome, CaseSource Source, DateTime? ClosedAt, DateTime? AnonymisedAt, string? Text, string? ReporterIdentity, string? Concerned,
    IReadOnlyList<CaseMessageView> Messages, IReadOnlyList<AccessLine> Accesses);

public sealed record AccessLine(long Id, DateTime At, long? CaseId, string? CaseCode, AccessActor Actor, long? ActorId, string? ActorName, string Action, string? Detail);

/// <summary>The dashboard: open cases first by how urgent their next deadline is, the referents, and counts kept after anonymisation.</summary>
public sealed record ReportingDashboard(IReadOnlyList<CaseLine> Open, IReadOnlyList<CaseLine> Closed, IReadOnlyList<ReferentView> Referents, ReportingStatistics Statistics);

public sealed record ReferentView(long PersonId, string DisplayName);

public sealed record ReportingStatistics(int Received, int Closed, int Anonymised, IReadOnlyDictionary<CaseTopic, int> ByTopic, IReadOnlyDictionary<CaseOutcome, int> ByOutcome);

/// <summary>Ruche:Reporting in configuration.</summary>
public sealed class ReportingSettings
{
    /// <summary>Months after closure (and after the last message) before a case's texts are erased; only statistics remain.</summary>
    public int AnonymiseAfterMonths { get; set; } = 2;
}
