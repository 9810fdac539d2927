using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ruche.Core.People;

namespace Ruche.Core.Recognition;

/// <summary>
/// Whether the kudos a person receives also appear in feeds. Off until they turn it on: the issue says "if they wish",
/// and a feed pushes the thanks in front of everyone while the profile only shows it to whoever visits (privacy by
/// default, GDPR art. 25). No row means off.
/// </summary>
public sealed class RecognitionPreference
{
    public long PersonId { get; set; }

    public Person? Person { get; set; }

    public bool ShowKudosInFeeds { get; set; }
}

internal sealed class RecognitionPreferenceConfiguration : IEntityTypeConfiguration<RecognitionPreference>
{
    public void Configure(EntityTypeBuilder<RecognitionPreference> builder)
    {
        builder.ToTable("RecognitionPreferences");
        builder.HasKey(p => p.PersonId);
        builder.HasOne(p => p.Person).WithOne().HasForeignKey<RecognitionPreference>(p => p.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
