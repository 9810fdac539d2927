using Microsoft.EntityFrameworkCore;
using Ruche.Core.Ballots;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.PersonalData;

namespace Ruche.Core.Polls;

/// <summary>Votes in named polls are seen by the post's readers; taking part in an anonymous poll is seen by nobody but you.</summary>
public sealed class PollsDisclosure(RucheDbContext db) : IDisclosureSource
{
    public async Task<IReadOnlyList<Disclosure>> DescribeAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        var me = viewer.PersonId;
        var named = await db.Set<PollVote>().Where(v => v.PersonId == me).Select(v => v.PollId).Distinct().CountAsync(cancellationToken);
        var anonymous = await db.Set<BallotParticipation>().CountAsync(b => b.PersonId == me && b.BoxKind == PollCounter.Kind, cancellationToken);
        return [new("poll-votes", named, Audiences.ReadersOfThePost), new("anonymous-poll-participations", anonymous, Audiences.OnlyYou)];
    }
}
