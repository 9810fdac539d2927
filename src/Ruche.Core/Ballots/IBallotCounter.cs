using Ruche.Core.Data;

namespace Ruche.Core.Ballots;

/// <summary>
/// What a feature does with a mixed batch of its anonymous ballots (a poll adds to its tallies, a survey writes its
/// answers): called inside the batch's transaction, with the ballots in random order. It must write nothing that
/// carries a person, a time finer than the box's own period, or a sequence.
/// </summary>
public interface IBallotCounter
{
    /// <summary>The box kind this counter owns ("poll", "survey-round"…).</summary>
    string BoxKind { get; }

    Task CountAsync(RucheDbContext db, long boxId, IReadOnlyList<string> ballots, CancellationToken ct);
}
