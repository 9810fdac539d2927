using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ruche.Core.Privacy;

/// <summary>
/// How long the company keeps one kind of content (GDPR storage limitation). Without a policy a kind is kept, except
/// sign-ins, kept <see cref="DefaultSignInDays"/> days. The rest of the audit log is not a kind here: the law asks it
/// be kept, and it is append-only.
/// </summary>
public sealed class RetentionPolicy
{
    public RetentionKind Kind { get; set; }

    public int Days { get; set; }

    /// <summary>One year: the CNIL's recommendation for access logs.</summary>
    public const int DefaultSignInDays = 365;

    public DateTime UpdatedAt { get; set; }
}

public enum RetentionKind
{
    /// <summary>Posts older than the policy go, with their comments, reactions and images.</summary>
    Posts,

    /// <summary>Comments older than the policy go, with the replies under them.</summary>
    Comments,

    /// <summary>Notifications whose latest event is older than the policy go.</summary>
    Notifications,

    /// <summary>
    /// Sign-in entries of the audit log (successes, failures, lock-outs) older than the policy go, sealed by a
    /// checkpoint so the log stays verifiable; one year without a policy.
    /// </summary>
    SignIns,
}

internal sealed class RetentionPolicyConfiguration : IEntityTypeConfiguration<RetentionPolicy>
{
    public void Configure(EntityTypeBuilder<RetentionPolicy> builder)
    {
        builder.HasKey(p => p.Kind);
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(32);
    }
}
