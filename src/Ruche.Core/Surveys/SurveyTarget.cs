using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ruche.Core.Surveys;

/// <summary>A department or a site a survey asks (when it does not ask everyone): its people, as they are when they answer.</summary>
public sealed class SurveyTarget
{
    public long SurveyId { get; set; }

    public SurveyCut Kind { get; set; }

    public long TargetId { get; set; }
}

internal sealed class SurveyTargetConfiguration : IEntityTypeConfiguration<SurveyTarget>
{
    public void Configure(EntityTypeBuilder<SurveyTarget> builder)
    {
        builder.HasKey(t => new { t.SurveyId, t.Kind, t.TargetId });
        builder.Property(t => t.Kind).HasConversion<string>().HasMaxLength(16);
    }
}
