using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Ruche.Core.Ballots;
using Ruche.Core.Data;
using Ruche.Core.Notifications;

namespace Ruche.Core.Surveys;

/// <summary>
/// One reminder per round and per person, <see cref="Before"/> the round closes, to the people it asks who have not
/// answered yet. "Has answered" is read from the ballot box's participation rows (<see cref="BallotParticipation"/>),
/// never from the answers. A round is claimed once (<see cref="SurveyRound.RemindedAt"/>, a conditional update), so
/// two nodes or two passes never remind twice; nothing lists who was reminded beyond each person's own notification,
/// which only they read (<see cref="SurveyReminderSubject"/>): HR learns nothing of who answered.
/// </summary>
public sealed class SurveyReminders(RucheDbContext db, Notifier notifier, TimeProvider time)
{
    /// <summary>How long before a round closes its reminder goes out: 48 hours.</summary>
    public static readonly TimeSpan Before = TimeSpan.FromHours(48);

    /// <summary>Reminds for every round due; returns how many people were reminded.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var until = now + Before;
        var due = await db.Set<SurveyRound>()
            .Where(r => r.RemindedAt == null && !r.Counted && r.OpensAt <= now && r.ClosesAt > now && r.ClosesAt <= until)
            .Select(r => r.Id)
            .ToListAsync(cancellationToken);
        var reminded = 0;
        foreach (var roundId in due)
        {
            reminded += await RemindAsync(roundId, now, cancellationToken);
        }

        return reminded;
    }

    private async Task<int> RemindAsync(long roundId, DateTime now, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.Set<SurveyRound>().Where(r => r.Id == roundId && r.RemindedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.RemindedAt, now), cancellationToken) == 0)
        {
            return 0;
        }

        var survey = await db.Set<SurveyRound>().Where(r => r.Id == roundId)
            .Join(db.Set<Survey>(), r => r.SurveyId, s => s.Id, (r, s) => new { s.Id, s.TargetsEveryone })
            .SingleAsync(cancellationToken);
        var departments = db.Set<SurveyTarget>().Where(t => t.SurveyId == survey.Id && t.Kind == SurveyCut.Department).Select(t => (long?)t.TargetId);
        var sites = db.Set<SurveyTarget>().Where(t => t.SurveyId == survey.Id && t.Kind == SurveyCut.Site).Select(t => (long?)t.TargetId);
        var people = await db.People
            .Where(p => p.IsActive && (survey.TargetsEveryone || departments.Contains(p.DepartmentId) || sites.Contains(p.SiteId)))
            .Where(p => !db.Set<BallotParticipation>().Any(b => b.BoxKind == SurveyBallotCounter.Kind && b.BoxId == roundId && b.PersonId == p.Id))
            .Select(p => p.Id)
            .ToListAsync(cancellationToken);
        var told = await notifier.RaiseForEachAsync(SurveyNotifications.Reminder, people, "round-" + roundId.ToString(CultureInfo.InvariantCulture));
        await transaction.CommitAsync(cancellationToken);
        await notifier.PushAsync(told);
        return told.Count;
    }
}
