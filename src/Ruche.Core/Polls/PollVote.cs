using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ruche.Core.People;

namespace Ruche.Core.Polls;

/// <summary>
/// A choice in a named poll: who chose which option, shown to the poll's readers as the option's voters. Anonymous
/// polls never write one (their ballots go through <see cref="Ballots.BallotBox"/>).
/// </summary>
public sealed class PollVote
{
    public long PollId { get; set; }

    public long OptionId { get; set; }

    public long PersonId { get; set; }

    public Person? Person { get; set; }
}

internal sealed class PollVoteConfiguration : IEntityTypeConfiguration<PollVote>
{
    public void Configure(EntityTypeBuilder<PollVote> builder)
    {
        builder.HasKey(v => new { v.PollId, v.PersonId, v.OptionId });
        builder.HasOne<Poll>().WithMany().HasForeignKey(v => v.PollId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PollOption>().WithMany().HasForeignKey(v => v.OptionId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne(v => v.Person).WithMany().HasForeignKey(v => v.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(v => v.OptionId);
        builder.HasIndex(v => v.PersonId);
    }
}
