using Microsoft.EntityFrameworkCore;
using Ruche.Core.Ballots;
using Ruche.Core.Common;
using Ruche.Core.Data;

namespace Ruche.Core.Surveys;

/// <summary>HR's use cases: build a survey, set its thresholds while it is a draft, open it, close a round early.</summary>
public sealed class SurveyService(RucheDbContext db, BallotBox ballots, TimeProvider time)
{
    public async Task<long> CreateAsync(Viewer viewer, SurveyDraft draft, CancellationToken ct)
    {
        SurveyRights.RequireBuilder(viewer);
        ArgumentNullException.ThrowIfNull(draft);
        var (title, intro, questions) = SurveyDraftValidation.Check(draft);
        var targets = new List<SurveyTarget>();
        if (!draft.TargetsEveryone)
        {
            var departments = (draft.DepartmentIds ?? []).Distinct().ToList();
            var sites = (draft.SiteIds ?? []).Distinct().ToList();
            if (await db.Departments.CountAsync(d => departments.Contains(d.Id), ct) != departments.Count
                || await db.Sites.CountAsync(s => sites.Contains(s.Id), ct) != sites.Count)
            {
                throw RucheException.Invalid("survey.target-unknown", "A chosen department or site does not exist.");
            }

            targets.AddRange(departments.Select(id => new SurveyTarget { Kind = SurveyCut.Department, TargetId = id }));
            targets.AddRange(sites.Select(id => new SurveyTarget { Kind = SurveyCut.Site, TargetId = id }));
        }

        var survey = new Survey
        {
            Title = title,
            Intro = intro,
            CreatedById = viewer.PersonId,
            CreatedAt = time.UtcNow(),
            Cut = draft.Cut ?? SurveyCut.None,
            TargetsEveryone = draft.TargetsEveryone,
            ScoreThreshold = draft.ScoreThreshold ?? SurveyLimits.DefaultScoreThreshold,
            CommentThreshold = draft.CommentThreshold ?? SurveyLimits.DefaultCommentThreshold,
            RoundCount = draft.RoundCount ?? 1,
            RoundLengthDays = draft.RoundLengthDays ?? 14,
            IntervalDays = draft.IntervalDays ?? 28,
            Questions = questions,
            Targets = targets,
        };
        db.Add(survey);
        await db.SaveChangesAsync(ct);
        return survey.Id;
    }

    /// <summary>Thresholds belong to the rules respondents answered under: once open, any change is refused.</summary>
    public async Task SetThresholdsAsync(Viewer viewer, long surveyId, int? score, int? comment, CancellationToken ct)
    {
        SurveyRights.RequireBuilder(viewer);
        var survey = await FindAsync(surveyId, ct);
        if (survey.IsOpened)
        {
            throw RucheException.Conflict("survey.frozen", "The survey is open: its thresholds, cut, targets and questions can no longer change.");
        }

        var newScore = score ?? survey.ScoreThreshold;
        var newComment = comment ?? survey.CommentThreshold;
        SurveyDraftValidation.Thresholds(newScore, newComment);
        survey.ScoreThreshold = newScore;
        survey.CommentThreshold = newComment;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Opens the survey: its first round starts now, the next ones every interval; its rules are frozen.</summary>
    public async Task OpenAsync(Viewer viewer, long surveyId, CancellationToken ct)
    {
        SurveyRights.RequireBuilder(viewer);
        var survey = await FindAsync(surveyId, ct);
        if (survey.IsOpened)
        {
            throw RucheException.Conflict("survey.already-open", "The survey is already open.");
        }

        var now = time.UtcNow();
        survey.OpenedAt = now;
        survey.FirstOpensAt = now;
        for (var i = 0; i < survey.RoundCount; i++)
        {
            var opens = now.AddDays((double)i * survey.IntervalDays);
            survey.Rounds.Add(new SurveyRound { Number = i + 1, OpensAt = opens, ClosesAt = opens.AddDays(survey.RoundLengthDays) });
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>Closes a round now (HR ends it early): the ballots still waiting are counted and its results published.</summary>
    public async Task CloseRoundAsync(Viewer viewer, long surveyId, long roundId, CancellationToken ct)
    {
        SurveyRights.RequireBuilder(viewer);
        var round = await db.Set<SurveyRound>().SingleOrDefaultAsync(r => r.Id == roundId && r.SurveyId == surveyId, ct)
            ?? throw RucheException.NotFound("survey.round-not-found", "No such round.");
        var now = time.UtcNow();
        if (round.Counted || round.OpensAt > now)
        {
            throw RucheException.Invalid("survey.round-not-open", "Only an open round can be closed.");
        }

        if (round.ClosesAt > now)
        {
            round.ClosesAt = now;
            await db.SaveChangesAsync(ct);
        }

        await new SurveyRounds(db, ballots, time).CountClosedAsync([round], ct);
    }

    private async Task<Survey> FindAsync(long surveyId, CancellationToken ct) =>
        await db.Set<Survey>().SingleOrDefaultAsync(s => s.Id == surveyId, ct)
        ?? throw RucheException.NotFound("survey.not-found", "No such survey.");
}
