using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ruche.Core.People;

namespace Ruche.Core.Influence;

/// <summary>A person's choices about the influence graph (ADR 24). No row: not recognised, in the graph.</summary>
public sealed class InfluencePreference
{
    public long PersonId { get; set; }

    /// <summary>"Be recognised": HR and administrators may see my individual figures.</summary>
    public bool Recognised { get; set; }

    /// <summary>"Leave the graph": I have no node, and every act by or towards me is dropped.</summary>
    public bool LeftGraph { get; set; }

    public DateTime ChangedAt { get; set; }
}

/// <summary>One computation of the graph, with when it ran and what it read.</summary>
public sealed class InfluenceRun
{
    public long Id { get; set; }

    public DateTime ComputedAt { get; set; }

    public DateTime WindowFrom { get; set; }

    public DateTime WindowTo { get; set; }

    public int People { get; set; }

    public long Interactions { get; set; }

    public int Edges { get; set; }

    public int Iterations { get; set; }

    public int DurationMs { get; set; }

    /// <summary>"schedule", "administrator" or "demo".</summary>
    public required string Trigger { get; set; }
}

/// <summary>A person's figures in a run: PageRank score, its rank, and reach.</summary>
public sealed class InfluenceScore
{
    public long RunId { get; set; }

    public long PersonId { get; set; }

    public double Score { get; set; }

    /// <summary>1 for the highest score.</summary>
    public int Rank { get; set; }

    /// <summary>Distinct people who engaged with them in the window.</summary>
    public int Reach { get; set; }
}

/// <summary>One of the voices of a topic ("tag:x" or "space:12", open spaces only) in a run.</summary>
public sealed class InfluenceVoice
{
    public long RunId { get; set; }

    public required string Topic { get; set; }

    public long PersonId { get; set; }

    public double Strength { get; set; }

    public int Rank { get; set; }

    /// <summary>Distinct people who engaged with them on this topic.</summary>
    public int Givers { get; set; }
}

/// <summary>A group's figures in a run (department, site or working-from mode); read only at 5 people or more.</summary>
public sealed class InfluenceGroupFigure
{
    public long RunId { get; set; }

    /// <summary>"department", "site" or "working-from".</summary>
    public required string Dimension { get; set; }

    /// <summary>The department or site id, or the working-from mode; "none" for people without one.</summary>
    public required string GroupKey { get; set; }

    /// <summary>People of the group in the graph.</summary>
    public int People { get; set; }

    /// <summary>Of them, people who made or received at least one act in the window.</summary>
    public int Participants { get; set; }

    /// <summary>Of them, people someone from another group engaged with.</summary>
    public int ReachedFromOutside { get; set; }

    /// <summary>Sum of the weights of acts inside the group.</summary>
    public double InsideWeight { get; set; }

    /// <summary>Sum of the weights of acts between the group and others (both ways).</summary>
    public double AcrossWeight { get; set; }
}

/// <summary>Weight of acts from one group to another in a run (departments, sites).</summary>
public sealed class InfluenceGroupLink
{
    public long RunId { get; set; }

    public required string Dimension { get; set; }

    public required string FromGroup { get; set; }

    public required string ToGroup { get; set; }

    public double Weight { get; set; }

    /// <summary>Distinct person pairs behind the weight.</summary>
    public int Pairs { get; set; }
}

internal sealed class InfluenceConfigurations :
    IEntityTypeConfiguration<InfluencePreference>, IEntityTypeConfiguration<InfluenceRun>, IEntityTypeConfiguration<InfluenceScore>,
    IEntityTypeConfiguration<InfluenceVoice>, IEntityTypeConfiguration<InfluenceGroupFigure>, IEntityTypeConfiguration<InfluenceGroupLink>
{
    public void Configure(EntityTypeBuilder<InfluencePreference> builder)
    {
        builder.HasKey(p => p.PersonId);
        builder.HasIndex(p => p.Recognised);
        builder.HasOne<Person>().WithOne().HasForeignKey<InfluencePreference>(p => p.PersonId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<InfluenceRun> builder)
    {
        builder.Property(r => r.Trigger).HasMaxLength(16);
        builder.HasIndex(r => r.ComputedAt);
    }

    public void Configure(EntityTypeBuilder<InfluenceScore> builder)
    {
        builder.HasKey(s => new { s.RunId, s.PersonId });
        builder.HasIndex(s => new { s.RunId, s.Rank });
        builder.HasOne<InfluenceRun>().WithMany().HasForeignKey(s => s.RunId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(s => s.PersonId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<InfluenceVoice> builder)
    {
        builder.HasKey(v => new { v.RunId, v.Topic, v.PersonId });
        builder.Property(v => v.Topic).HasMaxLength(96);
        builder.HasIndex(v => new { v.RunId, v.PersonId });
        builder.HasOne<InfluenceRun>().WithMany().HasForeignKey(v => v.RunId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(v => v.PersonId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<InfluenceGroupFigure> builder)
    {
        builder.HasKey(f => new { f.RunId, f.Dimension, f.GroupKey });
        builder.Property(f => f.Dimension).HasMaxLength(16);
        builder.Property(f => f.GroupKey).HasMaxLength(32);
        builder.HasOne<InfluenceRun>().WithMany().HasForeignKey(f => f.RunId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<InfluenceGroupLink> builder)
    {
        builder.HasKey(l => new { l.RunId, l.Dimension, l.FromGroup, l.ToGroup });
        builder.Property(l => l.Dimension).HasMaxLength(16);
        builder.Property(l => l.FromGroup).HasMaxLength(32);
        builder.Property(l => l.ToGroup).HasMaxLength(32);
        builder.HasOne<InfluenceRun>().WithMany().HasForeignKey(l => l.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}
