using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ruche.Core.People;

/// <summary>An office of the company, with the time zone and country its people usually work in.</summary>
public sealed class Site
{
    public long Id { get; set; }

    public required string Name { get; set; }

    public required string TimeZone { get; set; }

    /// <summary>ISO 3166-1 alpha-2 (FR, CA, SG…): its public holidays are its people's days off.</summary>
    public required string CountryCode { get; set; }

    /// <summary>A province or region with holidays of its own, e.g. "QC" (Québec) in Canada; null for the national ones.</summary>
    public string? Region { get; set; }
}

internal sealed class SiteConfiguration : IEntityTypeConfiguration<Site>
{
    public void Configure(EntityTypeBuilder<Site> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(100);
        builder.HasIndex(s => s.Name).IsUnique();
        builder.Property(s => s.TimeZone).HasMaxLength(64);
        builder.Property(s => s.CountryCode).HasMaxLength(2);
        builder.Property(s => s.Region).HasMaxLength(8);
    }
}
