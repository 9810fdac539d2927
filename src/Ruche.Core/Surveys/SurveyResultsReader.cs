using Microsoft.EntityFrameworkCore;
using Ruche.Core.Ballots;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.Sealing;

namespace Ruche.Core.Surveys;

/// <summary>
/// Results for HR, administrators and direction. A round shows nothing until it has closed and been counted; then
/// only the cells <see cref="SmallGroupSuppression"/> lets through (the company from k respondents, groups from k with
/// complementary suppression), and comments from the comment threshold, company-wide, in random order. Rounds are
/// never pooled: a trend is the published rounds side by side (ADR 17).
/// </summary>
public sealed class SurveyResultsReader(RucheDbContext db, BallotBox ballots, TimeProvider time, Sealer sealer)
{
    public async Task<SurveyResults> ResultsAsync(Viewer viewer, long surveyId, CancellationToken ct)
    {
        SurveyRights.RequireResultsReader(viewer);
        var survey = await db.Set<Survey>().Include(s => s.Questions).Include(s => s.Rounds)
            .AsSplitQuery().SingleOrDefaultAsync(s => s.Id == surveyId, ct)
            ?? throw RucheException.NotFound("survey.not-found", "No such survey.");
        await new SurveyRounds(db, ballots, time).CountClosedAsync(survey.Rounds, ct);

        var now = time.UtcNow();
        var rounds = survey.Rounds.OrderBy(r => r.Number).ToList();
        var published = rounds.Where(r => r.Counted).Select(r => r.Id).ToList();
        var counts = await db.Set<SurveyResponse>().AsNoTracking().Where(r => published.Contains(r.RoundId))
            .GroupBy(r => new { r.RoundId, r.Band }).Select(g => new { g.Key.RoundId, g.Key.Band, Count = g.Count() }).ToListAsync(ct);
        var values = await db.Set<SurveyAnswer>().AsNoTracking().Where(a => published.Contains(a.RoundId))
            .GroupBy(a => new { a.RoundId, a.QuestionId, a.Band, a.Value })
            .Select(g => new { g.Key.RoundId, g.Key.QuestionId, g.Key.Band, g.Key.Value, Count = g.Count() }).ToListAsync(ct);
        var labels = await LabelsAsync(survey.Cut, ct);
        var k = survey.ScoreThreshold;

        var roundResults = new List<RoundResult>();
        var cells = new Dictionary<long, (bool Company, int Total, IReadOnlySet<long> Groups, Dictionary<long, int> Counts)>();
        foreach (var round in rounds)
        {
            if (!round.Counted)
            {
                var state = round.OpensAt > now ? RoundState.Upcoming : RoundState.Open;
                int? participants = state == RoundState.Open ? await ballots.ParticipantCountAsync(SurveyBallotCounter.Kind, round.Id, ct) : null;
                roundResults.Add(new RoundResult(round.Id, round.Number, round.OpensAt, round.ClosesAt, state, participants, null, []));
                continue;
            }

            var byBand = counts.Where(c => c.RoundId == round.Id).ToDictionary(c => c.Band ?? 0, c => c.Count);
            var total = byBand.Values.Sum();
            var companyShown = SmallGroupSuppression.CompanyShown(total, k);
            IReadOnlySet<long> groups = survey.Cut == SurveyCut.None ? new HashSet<long>() : SmallGroupSuppression.ShownGroups(byBand, k);
            cells[round.Id] = (companyShown, total, groups, byBand);
            roundResults.Add(new RoundResult(round.Id, round.Number, round.OpensAt, round.ClosesAt, RoundState.Published, null,
                companyShown ? total : null,
                groups.Order().Select(b => new GroupCount(b, Label(labels, b), byBand[b])).ToList()));
        }

        var questions = new List<QuestionResult>();
        foreach (var question in survey.Questions.OrderBy(q => q.Position))
        {
            var perRound = new List<QuestionRound>();
            foreach (var round in rounds.Where(r => cells.ContainsKey(r.Id)))
            {
                var cell = cells[round.Id];
                if (question.Kind == SurveyQuestionKind.Text)
                {
                    var comments = cell.Company && cell.Total >= survey.CommentThreshold
                        ? await new SurveyReplies(db, sealer, time).ThreadsAsync(round.Id, question.Id, ct)
                        : null;
                    perRound.Add(new QuestionRound(round.Id, round.Number, null, [], comments));
                    continue;
                }

                var mine = values.Where(v => v.RoundId == round.Id && v.QuestionId == question.Id).ToList();
                Score Of(Func<long, bool> inGroup, int respondents) =>
                    Scoring.Of(question, respondents, mine.Where(v => inGroup(v.Band ?? 0)).Select(v => (v.Value, v.Count)));
                var company = cell.Company ? Of(_ => true, cell.Total) : null;
                var groupScores = cell.Groups.Order().Select(b => new GroupScore(b, Label(labels, b), Of(band => band == b, cell.Counts[b]))).ToList();
                perRound.Add(new QuestionRound(round.Id, round.Number, company, groupScores, null));
            }

            questions.Add(new QuestionResult(question.Id, question.Position, question.Kind, question.Text, question.OptionList, perRound));
        }

        return new SurveyResults(survey.Id, survey.Title, survey.Cut, survey.ScoreThreshold, survey.CommentThreshold, roundResults, questions);
    }

    private async Task<Dictionary<long, string>> LabelsAsync(SurveyCut cut, CancellationToken ct) => cut switch
    {
        SurveyCut.Department => await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, ct),
        SurveyCut.Site => await db.Sites.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, ct),
        _ => [],
    };

    private static string? Label(Dictionary<long, string> labels, long band) => labels.GetValueOrDefault(band);
}

/// <summary>Scores from counted values: Likert mean and distribution, eNPS, option counts.</summary>
public static class Scoring
{
    public static Score Of(SurveyQuestion question, int respondents, IEnumerable<(int Value, int Count)> values)
    {
        ArgumentNullException.ThrowIfNull(question);
        var (min, max) = question.Range;
        var distribution = new int[Math.Max(max - min + 1, 0)];
        foreach (var (value, count) in values)
        {
            if (value >= min && value <= max)
            {
                distribution[value - min] += count;
            }
        }

        var answered = distribution.Sum();
        double? mean = question.Kind is SurveyQuestionKind.Likert or SurveyQuestionKind.Enps && answered > 0
            ? Math.Round(distribution.Select((c, i) => (double)c * (i + min)).Sum() / answered, 2)
            : null;
        int? enps = question.Kind == SurveyQuestionKind.Enps && answered > 0
            ? (int)Math.Round(100.0 * (distribution[9] + distribution[10] - distribution[..7].Sum()) / answered)
            : null;
        return new Score(respondents, mean, enps, distribution);
    }
}
