using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Ruche.Core.Ballots;
using Ruche.Core.Data;

namespace Ruche.Core.Polls;

/// <summary>
/// Counts a mixed batch of an anonymous poll's ballots into counters: each option's tally and the poll's number of
/// counted ballots, added in SQL (<c>Tally = Tally + n</c>) so concurrent batches never lose one. No row per vote, no
/// person, no time, no sequence.
/// </summary>
public sealed class PollCounter : IBallotCounter
{
    public const string Kind = "poll";

    public string BoxKind => Kind;

    /// <summary>A ballot is the chosen option ids, ascending, separated by commas.</summary>
    public static string Encode(IEnumerable<long> optionIds) =>
        string.Join(',', optionIds.Order().Select(id => id.ToString(CultureInfo.InvariantCulture)));

    public async Task CountAsync(RucheDbContext db, long boxId, IReadOnlyList<string> ballots, CancellationToken ct)
    {
        var options = await db.Set<PollOption>().Where(o => o.PollId == boxId).Select(o => o.Id).ToListAsync(ct);
        var tallies = ballots
            .SelectMany(b => b.Split(',', StringSplitOptions.RemoveEmptyEntries))
            .Select(id => long.Parse(id, CultureInfo.InvariantCulture))
            .Where(options.Contains)
            .GroupBy(id => id)
            .ToDictionary(g => g.Key, g => g.Count());
        foreach (var (optionId, count) in tallies.OrderBy(t => t.Key))
        {
            await db.Set<PollOption>().Where(o => o.Id == optionId).ExecuteUpdateAsync(s => s.SetProperty(o => o.Tally, o => o.Tally + count), ct);
        }

        var counted = ballots.Count;
        await db.Set<Poll>().Where(p => p.Id == boxId).ExecuteUpdateAsync(s => s.SetProperty(p => p.CountedBallots, p => p.CountedBallots + counted), ct);
    }
}
