using Microsoft.EntityFrameworkCore;
using Ruche.Core.Ballots;
using Ruche.Core.Data;
using Ruche.Core.PersonalData;

namespace Ruche.Core.Polls;

/// <summary>
/// A person's polls for their export: their choices in named polls; for anonymous polls only that they took part —
/// nobody, the export included, can say what they chose.
/// </summary>
public sealed class PollsPersonalData(RucheDbContext db) : IPersonalDataSource
{
    public async Task ExportAsync(long personId, PersonalDataSections sections, CancellationToken cancellationToken)
    {
        var votes = await db.Set<PollVote>().AsNoTracking().Where(v => v.PersonId == personId)
            .Join(db.Set<PollOption>(), v => v.OptionId, o => o.Id, (v, o) => new { v.PollId, o.Position, o.Label })
            .Join(db.Set<Poll>(), x => x.PollId, p => p.Id, (x, p) => new { x.PollId, p.PostId, x.Position, x.Label })
            .OrderBy(x => x.PollId).ThenBy(x => x.Position)
            .ToListAsync(cancellationToken);
        sections.Add("pollVotes", votes.GroupBy(v => new { v.PollId, v.PostId })
            .Select(g => new { pollId = g.Key.PollId, postId = g.Key.PostId, choices = g.Select(v => v.Label).ToList() }).ToList());

        var anonymousPolls = db.Set<Poll>().Where(p => p.Anonymous);
        sections.Add("anonymousPollsTakenPart", await db.Set<BallotParticipation>().AsNoTracking()
            .Where(b => b.PersonId == personId && b.BoxKind == PollCounter.Kind)
            .Join(anonymousPolls, b => b.BoxId, p => p.Id, (b, p) => new { pollId = p.Id, postId = p.PostId })
            .OrderBy(x => x.pollId)
            .ToListAsync(cancellationToken));
    }
}
