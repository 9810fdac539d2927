using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ruche.Core.Posts;

namespace Ruche.Core.Polls;

/// <summary>
/// A poll carried by a post (at most one per post), read by whoever reads its post (<see cref="PollQueries"/>).
/// A named poll keeps each person's choices (<see cref="PollVote"/>); an anonymous one goes through the ballot box and
/// keeps only counters (<see cref="PollOption.Tally"/>, <see cref="CountedBallots"/>): no row per vote.
/// </summary>
public sealed class Poll
{
    public long Id { get; set; }

    public long PostId { get; set; }

    public Post? Post { get; set; }

    public bool MultipleChoice { get; set; }

    public bool Anonymous { get; set; }

    public PollResultsVisibility Results { get; set; }

    /// <summary>The deadline chosen by its author; null: open until closed by hand.</summary>
    public DateTime? ClosesAt { get; set; }

    /// <summary>When it closed (early, or its deadline once noticed); null while it is open.</summary>
    public DateTime? ClosedAt { get; set; }

    /// <summary>Anonymous polls: ballots counted so far (they move by batches of the ballot box).</summary>
    public int CountedBallots { get; set; }

    public List<PollOption> Options { get; set; } = [];
}

/// <summary>When readers see the counts.</summary>
public enum PollResultsVisibility
{
    Always,

    /// <summary>Once the reader has voted (or the poll is closed).</summary>
    AfterVoting,

    AfterClosing,
}

internal sealed class PollConfiguration : IEntityTypeConfiguration<Poll>
{
    public void Configure(EntityTypeBuilder<Poll> builder)
    {
        builder.HasOne(p => p.Post).WithMany().HasForeignKey(p => p.PostId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => p.PostId).IsUnique();
        builder.Property(p => p.Results).HasConversion<string>().HasMaxLength(16);

        // The closing pass finds open polls whose deadline passed.
        builder.HasIndex(p => new { p.ClosedAt, p.ClosesAt });
        builder.HasMany(p => p.Options).WithOne().HasForeignKey(o => o.PollId).OnDelete(DeleteBehavior.Cascade);
    }
}
