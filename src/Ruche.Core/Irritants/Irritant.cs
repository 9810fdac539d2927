using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ruche.Core.People;

namespace Ruche.Core.Irritants;

/// <summary>
/// A small irritant of daily work, public to the whole company by design. An anonymous one holds nothing of who
/// reported it: no person id (<see cref="ReporterId"/> is null), no exact time (only <see cref="ReportedOn"/>, a date,
/// for every irritant), and a random <see cref="Id"/> rather than a sequence, so neither the order of ids nor a time
/// lines it up with what its reporter did elsewhere. "Me too" rows (<see cref="IrritantMeToo"/>) carry the person, to
/// refuse a second one, but no time, and no page, API or export lists them: only their count, once it reaches
/// <see cref="IrritantRules.MeTooShownFrom"/>.
/// </summary>
public sealed class Irritant
{
    /// <summary>Random (<see cref="IrritantRules.NewId"/>), never a sequence.</summary>
    public long Id { get; set; }

    /// <summary>One of <see cref="IrritantCategories.All"/>.</summary>
    public required string Category { get; set; }

    public required string Description { get; set; }

    public long? SiteId { get; set; }

    public Site? Site { get; set; }

    public long? DepartmentId { get; set; }

    public Department? Department { get; set; }

    /// <summary>The named reporter; null when reported anonymously (nothing else holds who it was).</summary>
    public long? ReporterId { get; set; }

    public Person? Reporter { get; set; }

    /// <summary>The day it was reported (UTC date), never the time.</summary>
    public DateOnly ReportedOn { get; set; }

    /// <summary>When an answer is due: <see cref="ReportedOn"/> plus the response target in working days.</summary>
    public DateOnly DueOn { get; set; }

    public IrritantStatus Status { get; set; }

    /// <summary>Who in the company deals with it (assigned by HR).</summary>
    public long? OwnerId { get; set; }

    public Person? Owner { get; set; }

    /// <summary>HR's public answer.</summary>
    public string? Response { get; set; }

    /// <summary>When it was first answered: the response target is met by then.</summary>
    public DateTime? RespondedAt { get; set; }

    public DateTime? UpdatedAt { get; set; }

    public int MeTooCount { get; set; }
}

public enum IrritantStatus
{
    Open,
    Acknowledged,
    InProgress,
    Resolved,
    WontFix,
}

/// <summary>A colleague's "me too": who, to refuse a second one, and nothing else (no time).</summary>
public sealed class IrritantMeToo
{
    public long IrritantId { get; set; }

    public long PersonId { get; set; }
}

internal sealed class IrritantConfiguration : IEntityTypeConfiguration<Irritant>, IEntityTypeConfiguration<IrritantMeToo>
{
    public void Configure(EntityTypeBuilder<Irritant> builder)
    {
        builder.ToTable("Irritants");
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Category).HasMaxLength(32);
        builder.Property(i => i.Description).HasMaxLength(IrritantRules.DescriptionMaxLength);
        builder.Property(i => i.Response).HasMaxLength(IrritantRules.ResponseMaxLength);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasOne(i => i.Site).WithMany().HasForeignKey(i => i.SiteId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(i => i.Department).WithMany().HasForeignKey(i => i.DepartmentId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(i => i.Reporter).WithMany().HasForeignKey(i => i.ReporterId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(i => i.Owner).WithMany().HasForeignKey(i => i.OwnerId).OnDelete(DeleteBehavior.SetNull);

        // The list (newest day first), per status and per category, the answers due, the trend's window, a person's own.
        builder.HasIndex(i => new { i.ReportedOn, i.Id });
        builder.HasIndex(i => new { i.Status, i.ReportedOn, i.Id });
        builder.HasIndex(i => new { i.Category, i.ReportedOn });
        builder.HasIndex(i => new { i.RespondedAt, i.DueOn });
        builder.HasIndex(i => i.ReporterId);
    }

    public void Configure(EntityTypeBuilder<IrritantMeToo> builder)
    {
        builder.ToTable("IrritantMeToos");
        builder.HasKey(m => new { m.IrritantId, m.PersonId });
        builder.HasOne<Irritant>().WithMany().HasForeignKey(m => m.IrritantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => m.PersonId);
    }
}
