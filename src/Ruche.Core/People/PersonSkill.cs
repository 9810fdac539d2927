using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ruche.Core.People;

public sealed class PersonSkill
{
    public long PersonId { get; set; }

    public required string Skill { get; set; }
}

internal sealed class PersonSkillConfiguration : IEntityTypeConfiguration<PersonSkill>
{
    public void Configure(EntityTypeBuilder<PersonSkill> builder)
    {
        builder.HasKey(s => new { s.PersonId, s.Skill });
        builder.Property(s => s.Skill).HasMaxLength(Common.Limits.SkillMaxLength);
        builder.HasIndex(s => s.Skill);
    }
}
