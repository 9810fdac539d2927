using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ruche.Core.Reporting;

/// <summary>
/// A report made through the confidential channel (whistleblowing). What it says, who made it (when named) and who it
/// is about are sealed with a key kept outside the database (<see cref="CaseSeals"/>); what stays readable is what the
/// deadlines and the statistics need. An anonymous case holds no person id at all. The reporter follows it with its
/// <see cref="Code"/> and a secret kept only as a salted PBKDF2 hash.
/// </summary>
public sealed class ReportingCase
{
    public long Id { get; set; }

    /// <summary>Always <see cref="ReportingDesk.Only"/>: the desk's referents are the case's readers.</summary>
    public long DeskId { get; set; } = ReportingDesk.Only;

    public ReportingDesk? Desk { get; set; }

    /// <summary>The random case code the reporter keeps (e.g. "K7QX-M3PD-9TRA"); never derived from anything else.</summary>
    public required string Code { get; set; }

    public byte[]? SecretSalt { get; set; }

    public byte[]? SecretHash { get; set; }

    public bool IsNamed { get; set; }

    public CaseTopic Topic { get; set; }

    /// <summary>Where the report came in: the public form, or another feature handing over existing text.</summary>
    public CaseSource Source { get; set; }

    /// <summary>The report itself, sealed; null once the case is anonymised.</summary>
    public byte[]? SealedText { get; set; }

    /// <summary>The named reporter's identity (name, contact, account), sealed; null when anonymous or anonymised.</summary>
    public byte[]? SealedIdentity { get; set; }

    /// <summary>
    /// A named reporter who reported from their account, as a keyed fingerprint (<see cref="CaseSeals.Reporter"/>), so
    /// their personal-data export finds their case; null when anonymous, named without an account, or anonymised.
    /// </summary>
    public byte[]? ReporterFingerprint { get; set; }

    /// <summary>The persons concerned, as the reporter named them, sealed.</summary>
    public byte[]? SealedConcerned { get; set; }

    public CaseStatus Status { get; set; }

    public CaseOutcome? Outcome { get; set; }

    public DateTime ReceivedAt { get; set; }

    /// <summary>The last working day to acknowledge receipt (7 working days, French public holidays).</summary>
    public DateOnly AcknowledgeBy { get; set; }

    /// <summary>The last day to tell the reporter what was done: 3 months after acknowledgement (or after the acknowledgement deadline).</summary>
    public DateOnly FeedbackBy { get; set; }

    public DateTime? AcknowledgedAt { get; set; }

    /// <summary>When a referent first told the reporter something after acknowledging (or closed the case).</summary>
    public DateTime? FeedbackGivenAt { get; set; }

    public DateTime? ClosedAt { get; set; }

    /// <summary>The last message either way or status change: anonymisation waits for a quiet period after closure.</summary>
    public DateTime LastActivityAt { get; set; }

    public DateTime? AcknowledgeReminderAt { get; set; }

    public DateTime? FeedbackReminderAt { get; set; }

    public DateTime? AnonymisedAt { get; set; }

    public List<ReportingMessage> Messages { get; set; } = [];
}

public enum CaseStatus
{
    Received,
    Acknowledged,
    Investigating,
    Closed,
}

public enum CaseOutcome
{
    Substantiated,
    NotSubstantiated,
    OutOfScope,
    ReferredToAuthority,
}

public enum CaseTopic
{
    Corruption,
    Harassment,
    Discrimination,
    HealthSafety,
    Environment,
    Other,
}

public enum CaseSource
{
    Form,
    Handover,
}

internal sealed class ReportingCaseConfiguration : IEntityTypeConfiguration<ReportingCase>
{
    public void Configure(EntityTypeBuilder<ReportingCase> builder)
    {
        builder.ToTable("ReportingCases");
        builder.Property(c => c.Code).HasMaxLength(CaseReceipts.CodeLength);
        builder.HasIndex(c => c.Code).IsUnique();
        builder.Property(c => c.SecretSalt).HasMaxLength(32);
        builder.Property(c => c.SecretHash).HasMaxLength(64);
        builder.Property(c => c.Topic).HasConversion<string>().HasMaxLength(24);
        builder.Property(c => c.Source).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Outcome).HasConversion<string>().HasMaxLength(24);
        builder.HasOne(c => c.Desk).WithMany().HasForeignKey(c => c.DeskId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Messages).WithOne().HasForeignKey(m => m.CaseId).OnDelete(DeleteBehavior.Cascade);

        // The dashboard (open cases by deadline), the reminder pass and the anonymisation pass.
        builder.HasIndex(c => new { c.Status, c.AcknowledgeBy });
        builder.HasIndex(c => new { c.Status, c.FeedbackBy });
        builder.HasIndex(c => new { c.AnonymisedAt, c.ClosedAt });
        builder.Property(c => c.ReporterFingerprint).HasMaxLength(32);
        builder.HasIndex(c => c.ReporterFingerprint);
    }
}
