using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ruche.Core.People;

/// <summary>A person of the company: their sign-in identity and their directory profile.</summary>
public sealed class Person : IdentityUser<long>
{
    public required string DisplayName { get; set; }

    /// <summary>Unique name used in @mentions and profile addresses.</summary>
    public required string Handle { get; set; }

    public string? JobTitle { get; set; }

    public long? DepartmentId { get; set; }

    public Department? Department { get; set; }

    public long? SiteId { get; set; }

    public Site? Site { get; set; }

    /// <summary>Their professional category (cadres, ETAM, employés, ouvriers), set by HR or an administrator.</summary>
    public JobCategory? JobCategory { get; set; }

    public long? ManagerId { get; set; }

    public Person? Manager { get; set; }

    /// <summary>IANA time zone id, e.g. Europe/Paris.</summary>
    public required string TimeZone { get; set; }

    public string? Bio { get; set; }

    public Guid? PhotoFileId { get; set; }

    /// <summary>UI language: "fr" (default) or "en".</summary>
    public string Language { get; set; } = "fr";

    public bool IsActive { get; set; } = true;

    /// <summary>Set when an administrator erased the person (GDPR): the row remains only as a nameless author.</summary>
    public DateTime? ErasedAt { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>The company directory's own id for the person (SCIM externalId), unique when set.</summary>
    public string? ScimExternalId { get; set; }

    /// <summary>Set when the directory deleted the person (SCIM): deactivated, content kept, gone to the directory.</summary>
    public DateTime? ScimDeletedAt { get; set; }

    /// <summary>When the directory last changed the person (SCIM meta.lastModified); null before its first change.</summary>
    public DateTime? ScimModifiedAt { get; set; }

    /// <summary>When the person finished or dismissed the welcome path (Onboarding); null while it is still offered.</summary>
    public DateTime? OnboardedAt { get; set; }

    /// <summary>The welcome path's step the person is at (Onboarding.OnboardingSteps); null before the first one.</summary>
    public string? OnboardingStep { get; set; }

    public List<PersonSkill> Skills { get; set; } = [];

    /// <summary>Where they said they work from; read through <see cref="PersonRefs"/>, which shows it only while in force.</summary>
    public PresenceStatus? PresenceStatus { get; set; }
}

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.Property(p => p.DisplayName).HasMaxLength(Common.Limits.DisplayNameMaxLength);
        builder.Property(p => p.Handle).HasMaxLength(64);
        builder.HasIndex(p => p.Handle).IsUnique();
        builder.Property(p => p.JobTitle).HasMaxLength(Common.Limits.JobTitleMaxLength);
        builder.Property(p => p.TimeZone).HasMaxLength(64);
        builder.Property(p => p.Bio).HasMaxLength(Common.Limits.BioMaxLength);
        builder.Property(p => p.Language).HasMaxLength(8);
        builder.Property(p => p.OnboardingStep).HasMaxLength(16);
        builder.Property(p => p.ScimExternalId).HasMaxLength(Common.Limits.ScimExternalIdMaxLength);
        builder.HasIndex(p => p.ScimExternalId).IsUnique();
        builder.HasOne(p => p.Department).WithMany().HasForeignKey(p => p.DepartmentId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(p => p.Site).WithMany().HasForeignKey(p => p.SiteId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(p => p.Manager).WithMany().HasForeignKey(p => p.ManagerId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(p => p.Skills).WithOne().HasForeignKey(s => s.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
