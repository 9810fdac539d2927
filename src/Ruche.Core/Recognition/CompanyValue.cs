using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ruche.Core.Recognition;

/// <summary>
/// One of the company's values, which every kudos names (HR and administrators keep the list). A value no longer in
/// use is archived, never deleted: the kudos given for it keep their label.
/// </summary>
public sealed class CompanyValue
{
    public long Id { get; set; }

    /// <summary>The value's label in French (the company's language).</summary>
    public required string LabelFr { get; set; }

    public required string LabelEn { get; set; }

    /// <summary>Its place in the lists, smallest first.</summary>
    public int Position { get; set; }

    public bool IsArchived { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>The label in the reader's language (French unless it is English).</summary>
    public static string LabelIn(string language, string fr, string en) => language.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? en : fr;
}

internal sealed class CompanyValueConfiguration : IEntityTypeConfiguration<CompanyValue>
{
    public void Configure(EntityTypeBuilder<CompanyValue> builder)
    {
        builder.ToTable("CompanyValues");
        builder.Property(v => v.LabelFr).HasMaxLength(RecognitionInputs.ValueLabelMaxLength);
        builder.Property(v => v.LabelEn).HasMaxLength(RecognitionInputs.ValueLabelMaxLength);
        builder.HasIndex(v => new { v.IsArchived, v.Position });
    }
}
