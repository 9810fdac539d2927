using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ruche.Core.WorkTime;

/// <summary>
/// A public holiday an administrator enters for a country the holiday library does not cover (Singapore, whose dates
/// follow lunar and Islamic calendars announced each year), or an extra closing day for a covered one.
/// </summary>
public sealed class CompanyHoliday
{
    public long Id { get; set; }

    /// <summary>ISO 3166-1 alpha-2, upper case.</summary>
    public required string CountryCode { get; set; }

    public DateOnly Date { get; set; }

    public required string Name { get; set; }
}

internal sealed class CompanyHolidayConfiguration : IEntityTypeConfiguration<CompanyHoliday>
{
    public void Configure(EntityTypeBuilder<CompanyHoliday> builder)
    {
        builder.Property(h => h.CountryCode).HasMaxLength(2);
        builder.Property(h => h.Name).HasMaxLength(100);
        builder.HasIndex(h => new { h.CountryCode, h.Date }).IsUnique();
    }
}
