using Microsoft.EntityFrameworkCore;
using Ruche.Core.Ballots;
using Ruche.Core.Data;

namespace Ruche.Core.Surveys;

/// <summary>
/// Rounds close by their date; the first read after that counts the ballots still waiting (however few) and marks the
/// round counted, which publishes its results — once, so no two views of one round differ by a few ballots.
/// </summary>
internal sealed class SurveyRounds(RucheDbContext db, BallotBox ballots, TimeProvider time)
{
    public async Task CountClosedAsync(IEnumerable<SurveyRound> rounds, CancellationToken ct)
    {
        var now = time.UtcNow();
        foreach (var round in rounds.Where(r => !r.Counted && r.HasClosedAt(now)))
        {
            await ballots.CloseAsync(SurveyBallotCounter.Kind, round.Id, ct);
            round.Counted = true;
            await db.Set<SurveyRound>().Where(r => r.Id == round.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.Counted, true), ct);
        }
    }
}
