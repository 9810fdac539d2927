using Ruche.Core.People;

namespace Ruche.Core.Polls;

/// <summary>
/// A poll as one reader sees it. When its results are hidden from this reader (<see cref="ResultsShown"/> false), every
/// count, percentage and voter is null: the server does not send them.
/// </summary>
/// <param name="Participants">How many people voted (anonymous polls: cast, counted or waiting for their batch).</param>
/// <param name="CountedBallots">Anonymous polls: ballots counted so far (they are counted by batches); null for named polls or hidden results.</param>
/// <param name="WaitingBallots">Anonymous polls: ballots cast and waiting for their batch; null otherwise.</param>
/// <param name="MyChoices">Named polls: the options the reader chose. Anonymous polls: always empty (nobody keeps them).</param>
public sealed record PollView(
    long Id,
    long PostId,
    bool MultipleChoice,
    bool Anonymous,
    PollResultsVisibility Results,
    DateTime? ClosesAt,
    DateTime? ClosedAt,
    bool IsClosed,
    bool HasVoted,
    bool CanVote,
    bool CanClose,
    bool ResultsShown,
    int Participants,
    int? CountedBallots,
    int? WaitingBallots,
    IReadOnlyList<long> MyChoices,
    IReadOnlyList<PollOptionView> Options);

/// <param name="Voters">Named polls with results shown: who chose it. Null otherwise.</param>
public sealed record PollOptionView(long Id, string Label, int? Count, double? Percent, IReadOnlyList<PersonRef>? Voters);

/// <summary>What a vote answers: the poll as the voter now sees it, and for an anonymous poll the receipt code, shown once.</summary>
public sealed record PollVoteResult(PollView Poll, string? Receipt);

/// <summary>Where a ballot of an anonymous poll stands: "waiting" for its batch, "counted", or "unknown".</summary>
public sealed record PollReceiptView(long PollId, string State);
