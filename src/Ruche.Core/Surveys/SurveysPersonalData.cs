using Microsoft.EntityFrameworkCore;
using Ruche.Core.Ballots;
using Ruche.Core.Data;
using Ruche.Core.PersonalData;
using Ruche.Core.Sealing;

namespace Ruche.Core.Surveys;

/// <summary>
/// What surveys hold about a person: the rounds they answered (never what — nothing links them to their answers), and
/// the surveys they built, and the replies they wrote under comments for HR.
/// </summary>
public sealed class SurveysPersonalData(RucheDbContext db, Sealer sealer) : IPersonalDataSource
{
    public async Task ExportAsync(long personId, PersonalDataSections sections, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sections);
        var answered = await (from p in db.Set<BallotParticipation>().AsNoTracking()
                              where p.BoxKind == SurveyBallotCounter.Kind && p.PersonId == personId
                              join r in db.Set<SurveyRound>() on p.BoxId equals r.Id
                              join s in db.Set<Survey>() on r.SurveyId equals s.Id
                              select new { survey = s.Title, round = r.Number, r.OpensAt, r.ClosesAt }).ToListAsync(cancellationToken);
        var built = await db.Set<Survey>().AsNoTracking().Where(s => s.CreatedById == personId)
            .Select(s => new { s.Title, s.CreatedAt, s.OpenedAt }).ToListAsync(cancellationToken);
        // Replies written for HR under anonymous comments: their own words. Replies by commenters have no author at all.
        var replies = await db.Set<SurveyCommentReply>().AsNoTracking().Where(r => r.AuthorId == personId)
            .Select(r => new { r.CommentId, r.Text, r.PostedOn }).ToListAsync(cancellationToken);
        sections.Add("surveys", new
        {
            answeredRounds = answered,
            built,
            replies = replies.Select(r => new { r.PostedOn, text = sealer.OpenText(r.Text, SurveyReplies.ReplyPurpose(r.CommentId)) }),
        });
    }
}
