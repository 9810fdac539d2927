using Microsoft.EntityFrameworkCore;
using Ruche.Core.Ballots;
using Ruche.Core.Common;
using Ruche.Core.Data;

namespace Ruche.Core.Surveys;

/// <summary>
/// A targeted person answers the open round of a survey, once: the answers and their band go into the round's ballot
/// box sealed; the person is recorded only as having answered. Returns the receipt code and, with a comment, the reply
/// code (<see cref="SurveyReplies"/>), both shown once.
/// </summary>
public sealed class SurveyAnswering(RucheDbContext db, BallotBox ballots, TimeProvider time)
{
    public async Task<AnswerReceipt> AnswerAsync(Viewer viewer, long surveyId, IReadOnlyList<AnswerInput>? answers, CancellationToken ct)
    {
        var survey = await db.Set<Survey>().AsNoTracking().Include(s => s.Questions).Include(s => s.Targets)
            .SingleOrDefaultAsync(s => s.Id == surveyId && s.OpenedAt != null, ct);
        var person = await db.People.AsNoTracking().Where(p => p.Id == viewer.PersonId)
            .Select(p => new { p.DepartmentId, p.SiteId }).SingleAsync(ct);
        if (survey is null || !SurveyTargeting.Targets(survey, person.DepartmentId, person.SiteId))
        {
            throw RucheException.NotFound("survey.not-found", "No such survey for you.");
        }

        var now = time.UtcNow();
        var round = await db.Set<SurveyRound>().AsNoTracking()
            .Where(r => r.SurveyId == surveyId && !r.Counted && r.OpensAt <= now && r.ClosesAt > now)
            .FirstOrDefaultAsync(ct)
            ?? throw RucheException.Invalid("survey.no-open-round", "This survey has no round open now.");
        var replyCode = SurveyReplies.NewCode();
        var ballot = Ballot(survey, answers ?? [], replyCode, survey.Cut switch
        {
            SurveyCut.Department => person.DepartmentId ?? 0,
            SurveyCut.Site => person.SiteId ?? 0,
            _ => null,
        });
        if (await ballots.HasCastAsync(SurveyBallotCounter.Kind, round.Id, viewer.PersonId, ct))
        {
            throw AlreadyAnswered();
        }

        try
        {
            var receipt = await ballots.CastAsync(SurveyBallotCounter.Kind, round.Id, viewer.PersonId, ballot.Encode(), BallotBox.DefaultBatch, ct);
            return new AnswerReceipt(receipt, ballot.Texts.Count > 0 ? replyCode : null);
        }
        catch (RucheException refused) when (refused.Code == "ballot.already-cast")
        {
            throw AlreadyAnswered();
        }
    }

    private static RucheException AlreadyAnswered() =>
        RucheException.Conflict("survey.already-answered", "You have already answered this round.");

    private static SurveyBallot Ballot(Survey survey, IReadOnlyList<AnswerInput> answers, string replyCode, long? band)
    {
        var questions = survey.Questions.ToDictionary(q => q.Id);
        if (answers.Any(a => !questions.ContainsKey(a.QuestionId)) || answers.Select(a => a.QuestionId).Distinct().Count() != answers.Count)
        {
            throw RucheException.Invalid("survey.unknown-question", "An answer is for a question this survey does not ask, or twice for one.");
        }

        var values = new Dictionary<long, int[]>();
        var texts = new Dictionary<long, string>();
        var byQuestion = answers.ToDictionary(a => a.QuestionId);
        foreach (var question in survey.Questions)
        {
            byQuestion.TryGetValue(question.Id, out var answer);
            if (question.Kind == SurveyQuestionKind.Text)
            {
                var text = answer?.Text?.Trim() ?? string.Empty;
                if (text.Length > SurveyLimits.CommentMaxLength)
                {
                    throw RucheException.Invalid("survey.comment-too-long", $"A comment has at most {SurveyLimits.CommentMaxLength} characters.");
                }

                if (text.Length > 0)
                {
                    texts[question.Id] = text;
                }

                continue;
            }

            var chosen = (answer?.Values ?? []).ToArray();
            if (chosen.Length == 0)
            {
                throw RucheException.Invalid("survey.answer-missing", "Every question but free text must be answered.");
            }

            var (min, max) = question.Range;
            var many = question.Kind == SurveyQuestionKind.MultipleChoice;
            if ((!many && chosen.Length != 1) || chosen.Distinct().Count() != chosen.Length || chosen.Any(v => v < min || v > max))
            {
                throw RucheException.Invalid("survey.answer-out-of-range", "An answer is outside the question's scale or options.");
            }

            values[question.Id] = chosen;
        }

        var keys = texts.Keys.ToDictionary(q => q, q => Convert.ToBase64String(SurveyReplies.KeyHash(replyCode, q)));
        return new SurveyBallot(band, values, texts, keys);
    }
}

/// <summary>Who a survey asks: everyone, or the people of its departments and sites as they are now.</summary>
public static class SurveyTargeting
{
    public static bool Targets(Survey survey, long? departmentId, long? siteId) =>
        survey.TargetsEveryone
        || survey.Targets.Any(t => (t.Kind == SurveyCut.Department && t.TargetId == departmentId) || (t.Kind == SurveyCut.Site && t.TargetId == siteId));
}
