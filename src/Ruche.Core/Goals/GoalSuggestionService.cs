using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.Notifications;
using Ruche.Core.Posts;

namespace Ruche.Core.Goals;

/// <summary>
/// "Not a priority, look at X instead": anyone who reads a goal may attach a suggestion to it while its day is open; its
/// owner hears of it and accepts it (replacing the goal or adding one) or declines it. Both stay visible on the list.
/// </summary>
public sealed class GoalSuggestionService(
    RucheDbContext db,
    DailyGoalsService goals,
    GoalsLive live,
    Notifier notifier,
    TimeProvider time)
{
    public async Task<GoalListView> SuggestAsync(Viewer viewer, long goalId, GoalInput suggestion, string? note, CancellationToken cancellationToken)
    {
        var goal = await db.Goals.VisibleTo(db, viewer.PersonId).SingleOrDefaultAsync(g => g.Id == goalId, cancellationToken)
            ?? throw DailyGoalsService.GoalNotFound();
        var list = await db.GoalLists.SingleAsync(l => l.Id == goal.ListId, cancellationToken);
        if (list.PersonId == viewer.PersonId)
        {
            throw RucheException.Invalid("suggestion.own-goal", "Change your own goals directly; suggestions are for colleagues.");
        }

        if (time.UtcNow() >= list.ClosesAt)
        {
            throw DailyGoalsService.Closed();
        }

        if (goal.Status != GoalStatus.Open)
        {
            throw RucheException.Conflict("suggestion.goal-not-open", "This goal is already done, dropped or replaced.");
        }

        var proposed = await goals.ValidateAsync(viewer, suggestion, cancellationToken);
        var word = Input.Text(note);
        if (word.Length > Common.Limits.GoalNoteMaxLength)
        {
            throw RucheException.Invalid("suggestion.note-too-long", $"The note holds at most {Common.Limits.GoalNoteMaxLength} characters.");
        }

        db.GoalSuggestions.Add(new GoalSuggestion
        {
            GoalId = goal.Id,
            AuthorId = viewer.PersonId,
            Text = proposed.Text,
            Note = word.Length == 0 ? null : word,
            Status = SuggestionStatus.Pending,
            CreatedAt = time.UtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
        await live.GoalsChangedAsync(list.PostId);
        await notifier.NotifyAsync(GoalNotifications.Suggestion, viewer.PersonId, [list.PersonId], list.PostId);
        return await goals.GetAsync(viewer, list.Id, cancellationToken);
    }

    /// <summary>The owner's answer: replace the goal with the suggested one, add it, or decline.</summary>
    public async Task<GoalListView> AnswerAsync(Viewer viewer, long suggestionId, SuggestionAnswer answer, CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(answer))
        {
            throw RucheException.Invalid("suggestion.answer-invalid", "Answer with replace, add or decline.");
        }

        var suggestion = await db.GoalSuggestions.SingleOrDefaultAsync(s => s.Id == suggestionId, cancellationToken)
            ?? throw NotFound();
        if (!await db.Goals.VisibleTo(db, viewer.PersonId).AnyAsync(g => g.Id == suggestion.GoalId, cancellationToken))
        {
            throw NotFound();
        }

        var (goal, list) = await goals.OwnGoalAsync(viewer, suggestion.GoalId, cancellationToken);
        if (suggestion.Status != SuggestionStatus.Pending)
        {
            throw RucheException.Conflict("suggestion.answered", "This suggestion was already answered.");
        }

        var siblings = await db.Goals.Where(g => g.ListId == list.Id).ToListAsync(cancellationToken);
        var now = time.UtcNow();
        if (answer == SuggestionAnswer.Decline)
        {
            suggestion.Status = SuggestionStatus.Declined;
        }
        else
        {
            if (goal.Status != GoalStatus.Open && answer == SuggestionAnswer.Replace)
            {
                throw RucheException.Conflict("suggestion.goal-not-open", "This goal is already done, dropped or replaced.");
            }

            if (answer == SuggestionAnswer.Add && siblings.Count(g => g.Status != GoalStatus.Replaced) >= Common.Limits.GoalsPerDay)
            {
                throw RucheException.Conflict("goals.full", $"A day holds at most {Common.Limits.GoalsPerDay} goals: accept it as a replacement instead.");
            }

            if (answer == SuggestionAnswer.Replace)
            {
                goal.Status = GoalStatus.Replaced;
            }

            db.Goals.Add(new Goal
            {
                ListId = list.Id,
                Position = siblings.Max(g => g.Position) + 1,
                Text = suggestion.Text,
                FromSuggestionId = suggestion.Id,
            });
            suggestion.Status = answer == SuggestionAnswer.Replace ? SuggestionStatus.Replaced : SuggestionStatus.Added;
        }

        suggestion.AnsweredAt = now;
        await db.SaveChangesAsync(cancellationToken);
        await live.GoalsChangedAsync(list.PostId);
        return await goals.GetAsync(viewer, list.Id, cancellationToken);
    }

    private static RucheException NotFound() => RucheException.NotFound("suggestion.not-found", "No such suggestion.");
}
