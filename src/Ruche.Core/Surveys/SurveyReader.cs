using Microsoft.EntityFrameworkCore;
using Ruche.Core.Ballots;
using Ruche.Core.Common;
using Ruche.Core.Data;

namespace Ruche.Core.Surveys;

/// <summary>
/// Surveys as people read them: a respondent sees the open surveys that ask them (and whether they answered this
/// round); HR, administrators and direction see every survey, drafts included. Anyone else gets a 404.
/// </summary>
public sealed class SurveyReader(RucheDbContext db, BallotBox ballots, TimeProvider time)
{
    public async Task<IReadOnlyList<SurveySummary>> ListAsync(Viewer viewer, CancellationToken ct)
    {
        var person = await PersonAsync(viewer, ct);
        var all = SurveyRights.CanReadResults(viewer) || SurveyRights.CanBuild(viewer);
        var surveys = await db.Set<Survey>().AsNoTracking().Include(s => s.Targets).Include(s => s.Rounds)
            .Where(s => all || s.OpenedAt != null)
            .OrderByDescending(s => s.CreatedAt).Take(100).AsSplitQuery().ToListAsync(ct);
        var now = time.UtcNow();
        var list = new List<SurveySummary>();
        foreach (var survey in surveys)
        {
            var targeted = survey.IsOpened && SurveyTargeting.Targets(survey, person.DepartmentId, person.SiteId);
            var open = survey.Rounds.FirstOrDefault(r => r.IsOpenAt(now));
            if (!all && (!targeted || open is null))
            {
                continue;
            }

            var answered = targeted && open is not null && await ballots.HasCastAsync(SurveyBallotCounter.Kind, open.Id, viewer.PersonId, ct);
            list.Add(new SurveySummary(survey.Id, survey.Title, survey.IsOpened, targeted ? Ref(open) : null, answered, survey.RoundCount));
        }

        return list;
    }

    public async Task<SurveyView> GetAsync(Viewer viewer, long surveyId, CancellationToken ct)
    {
        var person = await PersonAsync(viewer, ct);
        var survey = await db.Set<Survey>().AsNoTracking().Include(s => s.Questions).Include(s => s.Targets).Include(s => s.Rounds)
            .AsSplitQuery().SingleOrDefaultAsync(s => s.Id == surveyId, ct);
        var reader = SurveyRights.CanReadResults(viewer) || SurveyRights.CanBuild(viewer);
        var targeted = survey is { IsOpened: true } && SurveyTargeting.Targets(survey, person.DepartmentId, person.SiteId);
        if (survey is null || (!targeted && !reader))
        {
            throw RucheException.NotFound("survey.not-found", "No such survey for you.");
        }

        var open = survey.Rounds.FirstOrDefault(r => r.IsOpenAt(time.UtcNow()));
        var answered = open is not null && await ballots.HasCastAsync(SurveyBallotCounter.Kind, open.Id, viewer.PersonId, ct);
        var targetNames = new List<string>();
        if (!survey.TargetsEveryone)
        {
            var departments = survey.Targets.Where(t => t.Kind == SurveyCut.Department).Select(t => t.TargetId).ToList();
            var sites = survey.Targets.Where(t => t.Kind == SurveyCut.Site).Select(t => t.TargetId).ToList();
            targetNames = await db.Departments.Where(d => departments.Contains(d.Id)).Select(d => d.Name).ToListAsync(ct);
            targetNames.AddRange(await db.Sites.Where(s => sites.Contains(s.Id)).Select(s => s.Name).ToListAsync(ct));
        }

        return new SurveyView(
            survey.Id, survey.Title, survey.Intro, survey.IsOpened, survey.Cut, survey.ScoreThreshold, survey.CommentThreshold,
            survey.TargetsEveryone, targetNames, survey.RoundCount, survey.RoundLengthDays, survey.IntervalDays,
            survey.Questions.OrderBy(q => q.Position).Select(q => new QuestionView(q.Id, q.Position, q.Kind, q.Text, q.OptionList, q.IsRequired)).ToList(),
            Ref(open), targeted, answered, SurveyRights.CanBuild(viewer), SurveyRights.CanReadResults(viewer));
    }

    private async Task<(long? DepartmentId, long? SiteId)> PersonAsync(Viewer viewer, CancellationToken ct)
    {
        var person = await db.People.AsNoTracking().Where(p => p.Id == viewer.PersonId).Select(p => new { p.DepartmentId, p.SiteId }).SingleAsync(ct);
        return (person.DepartmentId, person.SiteId);
    }

    private static SurveyRoundRef? Ref(SurveyRound? round) =>
        round is null ? null : new SurveyRoundRef(round.Id, round.Number, round.OpensAt, round.ClosesAt);
}
