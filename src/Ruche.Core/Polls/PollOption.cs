using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ruche.Core.Polls;

/// <summary>One answer of a poll, in its author's order. Written with the poll; voting only adds to <see cref="Tally"/>.</summary>
public sealed class PollOption
{
    public const int LabelMaxLength = 200;

    public long Id { get; set; }

    public long PollId { get; set; }

    public int Position { get; set; }

    public required string Label { get; set; }

    /// <summary>Anonymous polls: how many counted ballots chose it (a counter, never a row per vote). Zero for named polls.</summary>
    public int Tally { get; set; }
}

internal sealed class PollOptionConfiguration : IEntityTypeConfiguration<PollOption>
{
    public void Configure(EntityTypeBuilder<PollOption> builder)
    {
        builder.Property(o => o.Label).HasMaxLength(PollOption.LabelMaxLength);
        builder.HasIndex(o => new { o.PollId, o.Position });
    }
}
