using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ruche.Core.Dialogue;
using Ruche.Core.People;

namespace Ruche.Core.Records;

/// <summary>
/// A named party to a negotiation record: a person of direction, or a union (which approves through any one of its
/// delegates). Its approval holds for one version; an edit clears it.
/// </summary>
public sealed class NegotiationParty
{
    public long Id { get; set; }

    public long RecordId { get; set; }

    public NegotiationRecord? Record { get; set; }

    /// <summary>Set for a direction party.</summary>
    public long? PersonId { get; set; }

    public Person? Person { get; set; }

    /// <summary>Set for a union party.</summary>
    public long? UnionId { get; set; }

    public Union? Union { get; set; }

    /// <summary>The version this party approved; null while it has not approved the current text.</summary>
    public int? ApprovedVersion { get; set; }

    public DateTime? ApprovedAt { get; set; }
}

internal sealed class NegotiationPartyConfiguration : IEntityTypeConfiguration<NegotiationParty>
{
    public void Configure(EntityTypeBuilder<NegotiationParty> builder)
    {
        builder.HasIndex(p => new { p.RecordId, p.PersonId, p.UnionId }).IsUnique();
        builder.HasIndex(p => p.PersonId);
        builder.HasIndex(p => p.UnionId);
        builder.HasOne(p => p.Person).WithMany().HasForeignKey(p => p.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(p => p.Union).WithMany().HasForeignKey(p => p.UnionId).OnDelete(DeleteBehavior.Cascade);
    }
}
