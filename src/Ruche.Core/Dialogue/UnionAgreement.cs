using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ruche.Core.Dialogue;

/// <summary>
/// The company agreement on digital union communication: one record for the whole company, applying to every union
/// alike (ADR 15), so no union can have channels or quotas another has not. The union space is not in it: every union
/// has one by law (L2142-6). A later agreement replaces an earlier one; none in force leaves each union its space only.
/// </summary>
public sealed class UnionAgreement
{
    public long Id { get; set; }

    public required string Title { get; set; }

    public bool AllowsBroadcasts { get; set; }

    public bool AllowsPolls { get; set; }

    public bool AllowsDocuments { get; set; }

    public bool AllowsQuestions { get; set; }

    /// <summary>How many broadcasts each union may send in a calendar month.</summary>
    public int BroadcastsPerMonth { get; set; }

    /// <summary>
    /// Whether an employee who has not chosen receives broadcasts (push). False, the default: they read them only if they
    /// go and look, or once they accept.
    /// </summary>
    public bool BroadcastsPushedByDefault { get; set; }

    public DateOnly ValidFrom { get; set; }

    public DateOnly? ValidUntil { get; set; }

    public DateTime RecordedAt { get; set; }

    public long RecordedById { get; set; }

    public bool IsInForceOn(DateOnly day) => ValidFrom <= day && (ValidUntil is null || day <= ValidUntil);
}

internal sealed class UnionAgreementConfiguration : IEntityTypeConfiguration<UnionAgreement>
{
    public void Configure(EntityTypeBuilder<UnionAgreement> builder)
    {
        builder.Property(a => a.Title).HasMaxLength(DialogueLimits.AgreementTitleMaxLength);
        builder.HasIndex(a => a.RecordedAt);
    }
}
