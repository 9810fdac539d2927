using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ruche.Core.People;

public sealed class Department
{
    public long Id { get; set; }

    public required string Name { get; set; }

    /// <summary>The company directory's own id for the group (SCIM externalId), unique when set.</summary>
    public string? ScimExternalId { get; set; }

    /// <summary>When the directory created the group (SCIM meta.created); null for departments made in Ruche.</summary>
    public DateTime? ScimCreatedAt { get; set; }

    /// <summary>When the directory last changed the group (SCIM meta.lastModified).</summary>
    public DateTime? ScimModifiedAt { get; set; }
}

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> builder)
    {
        builder.Property(d => d.Name).HasMaxLength(100);
        builder.HasIndex(d => d.Name).IsUnique();
        builder.Property(d => d.ScimExternalId).HasMaxLength(Common.Limits.ScimExternalIdMaxLength);
        builder.HasIndex(d => d.ScimExternalId).IsUnique();
    }
}
