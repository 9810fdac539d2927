using Ruche.Core.Ballots;
using Ruche.Core.Data;
using Ruche.Core.Sealing;

namespace Ruche.Core.Surveys;

/// <summary>
/// Writes a mixed batch of survey ballots as rows that carry a random key, the round, the band and the values — no
/// person, no time, no sequence (<see cref="IBallotCounter"/>). The batch arrives shuffled; the rows of one ballot are
/// not linked to each other.
/// </summary>
public sealed class SurveyBallotCounter(Sealer sealer) : IBallotCounter
{
    public const string Kind = "survey-round";

    public string BoxKind => Kind;

    public Task CountAsync(RucheDbContext db, long boxId, IReadOnlyList<string> ballots, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(ballots);
        foreach (var ballot in ballots.Select(SurveyBallot.Decode))
        {
            db.Add(new SurveyResponse { Id = Guid.NewGuid(), RoundId = boxId, Band = ballot.Band });
            foreach (var (question, values) in ballot.Values)
            {
                foreach (var value in values)
                {
                    db.Add(new SurveyAnswer { Id = Guid.NewGuid(), RoundId = boxId, QuestionId = question, Band = ballot.Band, Value = value });
                }
            }

            foreach (var (question, text) in ballot.Texts)
            {
                db.Add(new SurveyComment
                {
                    Id = Guid.NewGuid(),
                    RoundId = boxId,
                    QuestionId = question,
                    Text = sealer.SealText(text, CommentPurpose(boxId)),
                    ReplyKeyHash = ballot.ReplyKeys?.GetValueOrDefault(question) is { } key ? Convert.FromBase64String(key) : null,
                });
            }
        }

        return Task.CompletedTask;
    }

    public static string CommentPurpose(long roundId) => $"survey-comment:{roundId}";
}
