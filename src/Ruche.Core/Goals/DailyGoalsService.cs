using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Content;
using Ruche.Core.Data;
using Ruche.Core.Posts;
using Ruche.Core.WorkTime;

namespace Ruche.Core.Goals;

/// <summary>
/// A person's goals for their day: posting them (as a tagged post in their team space), checking them off, carrying
/// the unfinished ones over to the next day. Suggestions from colleagues are in <see cref="GoalSuggestionService"/>.
/// </summary>
public sealed class DailyGoalsService(
    RucheDbContext db,
    ContentRenderer renderer,
    GoalListLoader loader,
    WorkCalendar calendar,
    LiveEvents live,
    GoalsLive goalsLive,
    TimeProvider time)
{
    /// <summary>The caller's day: local date, working or not, their list, and what is left unfinished from their last list.</summary>
    public async Task<MyGoalsDay> TodayAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        var day = await calendar.DayAsync(viewer.PersonId, time.UtcNow(), cancellationToken);
        var date = day.Date.ToDateOnly();
        var list = (await loader.LoadAsync(viewer, db.GoalLists.Where(l => l.PersonId == viewer.PersonId && l.LocalDate == date), cancellationToken)).SingleOrDefault();
        var unfinished = await UnfinishedAsync(viewer.PersonId, date, cancellationToken);
        return new MyGoalsDay(date, day.IsWorkingDay, day.End, list, unfinished.Select(g => new GoalView(
            g.Id, g.Position, g.Text, g.LinkUrl, g.LinkPostId, null, g.Status, g.StatusNote, g.CarriedFromGoalId, g.FromSuggestionId, [])).ToList());
    }

    public async Task<GoalListView> GetAsync(Viewer viewer, long listId, CancellationToken cancellationToken) =>
        (await loader.LoadAsync(viewer, db.GoalLists.VisibleTo(db, viewer.PersonId).Where(l => l.Id == listId), cancellationToken)).SingleOrDefault()
        ?? throw NotFound();

    /// <summary>Posts one to three goals for the caller's local today, as a post tagged with the company's goals tag.</summary>
    public async Task<GoalListView> PostAsync(Viewer viewer, NewGoals request, CancellationToken cancellationToken)
    {
        if (request.PersonId is { } owner && owner != viewer.PersonId)
        {
            throw RucheException.Forbidden("goals.not-yours", "People post their own goals only.");
        }

        var goals = await ValidateAsync(viewer, request.Goals, cancellationToken);
        var note = Input.Text(request.Note);
        if (note.Length > Limits.GoalNoteMaxLength)
        {
            throw RucheException.Invalid("goals.note-too-long", $"The note holds at most {Limits.GoalNoteMaxLength} characters.");
        }

        var day = await calendar.DayAsync(viewer.PersonId, time.UtcNow(), cancellationToken);
        var date = day.Date.ToDateOnly();
        if (await db.GoalLists.AnyAsync(l => l.PersonId == viewer.PersonId && l.LocalDate == date, cancellationToken))
        {
            throw RucheException.Conflict("goals.already-posted", "Today's goals are already posted: check them off or accept suggestions.");
        }

        var list = await CreateListAsync(viewer, date, ClosingTime(day), note, goals, cancellationToken);
        return await GetAsync(viewer, list.Id, cancellationToken);
    }

    /// <summary>Marks a goal done, dropped (with an optional word) or open again: its owner only, until their day ends.</summary>
    public async Task<GoalListView> CheckOffAsync(Viewer viewer, long goalId, GoalStatus status, string? note, CancellationToken cancellationToken)
    {
        if (status is not (GoalStatus.Open or GoalStatus.Done or GoalStatus.Dropped))
        {
            throw RucheException.Invalid("goal.status-invalid", "A goal is checked off as done, dropped or open again.");
        }

        var word = Input.Text(note);
        if (word.Length > Limits.GoalNoteMaxLength)
        {
            throw RucheException.Invalid("goal.note-too-long", $"The word holds at most {Limits.GoalNoteMaxLength} characters.");
        }

        var (goal, list) = await OwnGoalAsync(viewer, goalId, cancellationToken);
        if (goal.Status == GoalStatus.Replaced)
        {
            throw RucheException.Conflict("goal.replaced", "This goal was replaced by a suggestion.");
        }

        goal.Status = status;
        goal.StatusNote = status == GoalStatus.Open || word.Length == 0 ? null : word;
        await db.SaveChangesAsync(cancellationToken);
        await goalsLive.GoalsChangedAsync(list.PostId);
        return await GetAsync(viewer, list.Id, cancellationToken);
    }

    /// <summary>
    /// Copies the unfinished goals of the caller's last earlier list into today's (creating it if needed), in one step.
    /// A goal is carried once; today still holds at most three goals.
    /// </summary>
    public async Task<GoalListView> CarryOverAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        var day = await calendar.DayAsync(viewer.PersonId, time.UtcNow(), cancellationToken);
        var date = day.Date.ToDateOnly();
        var unfinished = await UnfinishedAsync(viewer.PersonId, date, cancellationToken);
        if (unfinished.Count == 0)
        {
            throw RucheException.Invalid("goals.nothing-to-carry", "No unfinished goal to carry over.");
        }

        var carried = unfinished.Select(g => new Goal
        {
            Text = g.Text,
            LinkUrl = g.LinkUrl,
            LinkPostId = g.LinkPostId,
            LinkPersonId = g.LinkPersonId,
            CarriedFromGoalId = g.Id,
        }).ToList();
        var today = await db.GoalLists.Include(l => l.Goals).SingleOrDefaultAsync(l => l.PersonId == viewer.PersonId && l.LocalDate == date, cancellationToken);
        if (today is null)
        {
            if (carried.Count > Limits.GoalsPerDay)
            {
                carried = carried.Take(Limits.GoalsPerDay).ToList();
            }

            today = await CreateListAsync(viewer, date, ClosingTime(day), string.Empty, carried, cancellationToken);
            return await GetAsync(viewer, today.Id, cancellationToken);
        }

        if (today.Goals.Count(g => g.Status != GoalStatus.Replaced) + carried.Count > Limits.GoalsPerDay)
        {
            throw RucheException.Conflict("goals.too-many", $"Today already has goals: a day holds at most {Limits.GoalsPerDay}.");
        }

        var position = today.Goals.Count == 0 ? 0 : today.Goals.Max(g => g.Position) + 1;
        foreach (var goal in carried)
        {
            goal.Position = position++;
            today.Goals.Add(goal);
        }

        await db.SaveChangesAsync(cancellationToken);
        await goalsLive.GoalsChangedAsync(today.PostId);
        return await GetAsync(viewer, today.Id, cancellationToken);
    }

    /// <summary>A goal of the caller's own open list, or why not: not found (cannot read it), not theirs, or closed.</summary>
    internal async Task<(Goal Goal, GoalList List)> OwnGoalAsync(Viewer viewer, long goalId, CancellationToken cancellationToken)
    {
        var goal = await db.Goals.VisibleTo(db, viewer.PersonId).SingleOrDefaultAsync(g => g.Id == goalId, cancellationToken)
            ?? throw GoalNotFound();
        var list = await db.GoalLists.SingleAsync(l => l.Id == goal.ListId, cancellationToken);
        if (list.PersonId != viewer.PersonId)
        {
            throw RucheException.Forbidden("goal.not-owner", "Only the person whose goal it is checks it off.");
        }

        if (time.UtcNow() >= list.ClosesAt)
        {
            throw Closed();
        }

        return (goal, list);
    }

    /// <summary>The end of the person's working day; for goals posted after it (working late), their local midnight.</summary>
    private DateTime ClosingTime(PersonDay day) =>
        time.UtcNow() < day.End ? day.End : day.Profile.At(day.Date.PlusDays(1), 0);

    internal static RucheException Closed() => RucheException.Conflict("goals.closed", "This day is over: its goals are closed.");

    internal static RucheException GoalNotFound() => RucheException.NotFound("goal.not-found", "No such goal.");

    /// <summary>Checks one goal's text and links; used for new goals and for suggestions.</summary>
    internal async Task<Goal> ValidateAsync(Viewer viewer, GoalInput input, CancellationToken cancellationToken)
    {
        var text = Input.Text(input.Text);
        if (text.Length == 0)
        {
            throw RucheException.Invalid("goal.empty", "A goal needs some text.");
        }

        if (text.Length > Limits.GoalMaxLength || text.Contains('\n', StringComparison.Ordinal))
        {
            throw RucheException.Invalid("goal.too-long", $"A goal is one line of at most {Limits.GoalMaxLength} characters.");
        }

        var url = Input.Text(input.LinkUrl);
        if (url.Length > 0 && (url.Length > Limits.GoalLinkMaxLength
            || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)))
        {
            throw RucheException.Invalid("goal.link-invalid", "A goal's link is an http(s) address.");
        }

        if (input.LinkPostId is { } postId && !await db.Posts.VisibleTo(viewer.PersonId).AnyAsync(p => p.Id == postId, cancellationToken))
        {
            throw RucheException.Invalid("goal.post-unknown", "The linked post does not exist or you cannot read it.");
        }

        if (input.LinkPersonId is { } personId && !await db.People.AnyAsync(p => p.Id == personId && p.IsActive, cancellationToken))
        {
            throw RucheException.Invalid("goal.person-unknown", "The linked person does not exist.");
        }

        return new Goal { Text = text, LinkUrl = url.Length == 0 ? null : url, LinkPostId = input.LinkPostId, LinkPersonId = input.LinkPersonId };
    }

    private async Task<List<Goal>> ValidateAsync(Viewer viewer, IReadOnlyList<GoalInput>? inputs, CancellationToken cancellationToken)
    {
        if (inputs is null || inputs.Count == 0)
        {
            throw RucheException.Invalid("goals.none", "Post at least one goal.");
        }

        if (inputs.Count > Limits.GoalsPerDay)
        {
            throw RucheException.Invalid("goals.too-many", $"A day holds at most {Limits.GoalsPerDay} goals.");
        }

        var goals = new List<Goal>();
        foreach (var input in inputs)
        {
            goals.Add(await ValidateAsync(viewer, input ?? new GoalInput(null), cancellationToken));
        }

        return goals;
    }

    private async Task<GoalList> CreateListAsync(Viewer viewer, DateOnly date, DateTime closesAt, string note, List<Goal> goals, CancellationToken cancellationToken)
    {
        var spaceId = await TeamSpaces.GoalsSpaceOfAsync(db, viewer.PersonId, cancellationToken);
        var tag = await db.CompanySettings.Select(s => s.GoalsTag).FirstOrDefaultAsync(cancellationToken) ?? Access.CompanySettings.DefaultGoalsTag;
        var body = note.Length == 0 ? $"#{tag}" : $"{note}\n\n#{tag}";
        var content = await renderer.RenderAsync(body, cancellationToken);
        var now = time.UtcNow();
        for (var i = 0; i < goals.Count; i++)
        {
            goals[i].Position = i;
        }

        var list = new GoalList
        {
            PersonId = viewer.PersonId,
            LocalDate = date,
            ClosesAt = closesAt,
            CreatedAt = now,
            Goals = goals,
            Post = new Post
            {
                AuthorId = viewer.PersonId,
                SpaceId = spaceId,
                Body = body,
                BodyHtml = content.Html,
                CreatedAt = now,
                Tags = content.Tags.Select(t => new PostTag { Tag = t }).ToList(),
                Mentions = content.MentionedPersonIds.Select(id => new PostMention { PersonId = id }).ToList(),
            },
        };
        db.GoalLists.Add(list);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two requests raced for the same day: the unique (person, date) index let one win.
            if (await AlreadyPostedAsync(viewer.PersonId, date))
            {
                throw RucheException.Conflict("goals.already-posted", "Today's goals are already posted: check them off or accept suggestions.");
            }

            throw;
        }

        await live.PostPublishedAsync(list.PostId, inFeeds: false);
        return list;
    }

    private async Task<bool> AlreadyPostedAsync(long personId, DateOnly date)
    {
        db.ChangeTracker.Clear();
        return await db.GoalLists.AnyAsync(l => l.PersonId == personId && l.LocalDate == date);
    }

    /// <summary>The open goals of the person's latest list before this date that were not carried over yet.</summary>
    private async Task<List<Goal>> UnfinishedAsync(long personId, DateOnly before, CancellationToken cancellationToken)
    {
        var last = db.GoalLists.Where(l => l.PersonId == personId && l.LocalDate < before).OrderByDescending(l => l.LocalDate).Select(l => l.Id).Take(1);
        return await db.Goals.Where(g => last.Contains(g.ListId) && g.Status == GoalStatus.Open && !db.Goals.Any(c => c.CarriedFromGoalId == g.Id))
            .OrderBy(g => g.Position).ToListAsync(cancellationToken);
    }

    private static RucheException NotFound() => RucheException.NotFound("goals.not-found", "No such goals list.");
}
