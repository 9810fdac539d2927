using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ruche.Core.Access;

/// <summary>Company-wide settings an administrator changes at run time (a single row).</summary>
public sealed class CompanySettings
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    public bool OpenRegistration { get; set; }

    /// <summary>When set, open registration accepts only addresses of this domain (e.g. "example.com").</summary>
    public string? RegistrationDomain { get; set; }

    /// <summary>The tag daily goals posts carry (normalised, without '#').</summary>
    public string GoalsTag { get; set; } = DefaultGoalsTag;

    public const string DefaultGoalsTag = "3goalsaday";
}

internal sealed class CompanySettingsConfiguration : IEntityTypeConfiguration<CompanySettings>
{
    public void Configure(EntityTypeBuilder<CompanySettings> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.RegistrationDomain).HasMaxLength(255);
        builder.Property(s => s.GoalsTag).HasMaxLength(Common.Limits.TagMaxLength).HasDefaultValue(CompanySettings.DefaultGoalsTag);
    }
}
