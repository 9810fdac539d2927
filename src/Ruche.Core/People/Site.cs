using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ruche.Core.People;

/// <summary>An office of the company, with the time zone and country its people usually work in.</summary>
public sealed class Site
{
    public long Id { get; set; }

    public required string Name { get; set; }

    public required string TimeZone { get; set; }

    /// <summary>ISO 3166-1 alpha-2 (FR, CA, SG…), for public holidays later.</summary>
    public required string CountryCode { get; set; }
}

internal sealed class SiteConfiguration : IEntityTypeConfiguration<Site>
{
    public void Configure(EntityTypeBuilder<Site> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(100);
        builder.HasIndex(s => s.Name).IsUnique();
        builder.Property(s => s.TimeZone).HasMaxLength(64);
        builder.Property(s => s.CountryCode).HasMaxLength(2);
    }
}
