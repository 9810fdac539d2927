using Microsoft.EntityFrameworkCore;
using NodaTime;
using Ruche.Core.Content;
using Ruche.Core.Data;
using Ruche.Core.Posts;
using Ruche.Core.Spaces;
using Ruche.Core.WorkTime;

namespace Ruche.Core.Goals;

/// <summary>
/// At the end of a team's week — once it is Saturday for every member, wherever they are — posts in the team space a
/// recap of the team's work (<see cref="WeeklyRecap"/>: goals achieved, blocked, suggestions taken; never a figure per
/// person), unless the team turned it off. Ruche posts it, not a member. Exactly once per team and week: the
/// (space, Monday) claim row is inserted in the same transaction as the post, so a second node's insert fails on the
/// key and it moves on.
/// </summary>
public sealed class WeeklyRecapService(RucheDbContext db, ContentRenderer renderer, IWeeklyRecapWriter writer, LiveEvents live, TimeProvider time)
{
    /// <summary>Posts every recap due now; returns how many.</summary>
    public async Task<int> PostDueAsync(CancellationToken cancellationToken)
    {
        var now = Instant.FromDateTimeUtc(time.UtcNow());
        // One row per team and time zone (not per member), and the claims of those weeks in one read: this runs every
        // five minutes on every node, and a team that never posts goals never gets a claim.
        var zones = await db.SpaceMemberships
            .Where(m => m.IsActive() && m.Person!.IsActive && m.Space!.Kind == SpaceKind.Team
                && !db.TeamGoalSettings.Any(t => t.SpaceId == m.SpaceId && !t.WeeklyRecap))
            .Select(m => new { m.SpaceId, m.Person!.TimeZone })
            .Distinct()
            .ToListAsync(cancellationToken);

        // The latest week that is over for everyone: its Saturday has begun in every member's zone.
        var weeks = zones.GroupBy(m => m.SpaceId)
            .Select(team => (SpaceId: team.Key, WeekStart: team.Select(m => LastFinishedMonday(now.InZone(WorkCalendar.Zone(m.TimeZone)).Date)).Min().ToDateOnly()))
            .ToList();
        var starts = weeks.Select(w => w.WeekStart).Distinct().ToList();
        var claimed = (await db.WeeklyRecapClaims.Where(c => starts.Contains(c.WeekStart)).Select(c => new { c.SpaceId, c.WeekStart }).ToListAsync(cancellationToken))
            .Select(c => (c.SpaceId, c.WeekStart)).ToHashSet();
        var posted = 0;
        foreach (var (spaceId, weekStart) in weeks.Where(w => !claimed.Contains(w)))
        {
            if (!await db.GoalLists.AnyAsync(
                    l => l.LocalDate >= weekStart && l.LocalDate <= weekStart.AddDays(6)
                        && db.SpaceMemberships.Any(m => m.SpaceId == spaceId && m.PersonId == l.PersonId && m.IsActive()),
                    cancellationToken))
            {
                continue;
            }

            if (await PostAsync(spaceId, weekStart, cancellationToken))
            {
                posted++;
            }
        }

        return posted;
    }

    private static LocalDate LastFinishedMonday(LocalDate today)
    {
        // Saturday and Sunday close the week that started on the Monday before; from Monday on, the previous one.
        var thisMonday = today.PlusDays(-((int)today.DayOfWeek - 1));
        return today.DayOfWeek >= IsoDayOfWeek.Saturday ? thisMonday : thisMonday.PlusDays(-7);
    }

    private async Task<bool> PostAsync(long spaceId, DateOnly weekStart, CancellationToken cancellationToken)
    {
        var recap = await RecapAsync(spaceId, weekStart, cancellationToken);
        var body = writer.Write(recap);
        var content = await renderer.RenderAsync(body, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var post = new Post
        {
            // Ruche speaks here, not a member: the recap is nobody's post.
            AuthorId = null,
            Origin = PostOrigin.WeeklyRecap,
            SpaceId = spaceId,
            Body = body,
            BodyHtml = content.Html,
            CreatedAt = time.UtcNow(),
            Tags = content.Tags.Select(t => new PostTag { Tag = t }).ToList(),
        };
        db.WeeklyRecapClaims.Add(new WeeklyRecapClaim { SpaceId = spaceId, WeekStart = weekStart });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another node claimed this team's week first.
            db.ChangeTracker.Clear();
            return false;
        }

        db.Posts.Add(post);
        await db.SaveChangesAsync(cancellationToken);
        await db.WeeklyRecapClaims.Where(c => c.SpaceId == spaceId && c.WeekStart == weekStart)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.PostId, post.Id), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        await live.PostPublishedAsync(post.Id);
        return true;
    }

    /// <summary>
    /// The team's week in its space: goals posted there (whoever posted them) that were done, dropped, or came from
    /// an accepted suggestion, each said once, in the order they were set.
    /// </summary>
    private async Task<WeeklyRecap> RecapAsync(long spaceId, DateOnly weekStart, CancellationToken cancellationToken)
    {
        var weekEnd = weekStart.AddDays(6);
        var lists = db.GoalLists.Where(l => l.LocalDate >= weekStart && l.LocalDate <= weekEnd && l.Post!.SpaceId == spaceId);
        var goals = await db.Goals.Where(g => lists.Any(l => l.Id == g.ListId) && (g.Status == GoalStatus.Done || g.Status == GoalStatus.Dropped))
            .Join(db.GoalLists, g => g.ListId, l => l.Id, (g, l) => new { g.Text, g.Status, g.StatusNote, l.LocalDate, g.Position, g.Id })
            .OrderBy(g => g.LocalDate).ThenBy(g => g.Position).ThenBy(g => g.Id)
            .ToListAsync(cancellationToken);
        var suggestions = await db.GoalSuggestions
            .Where(s => (s.Status == SuggestionStatus.Replaced || s.Status == SuggestionStatus.Added)
                && db.Goals.Any(g => g.Id == s.GoalId && lists.Any(l => l.Id == g.ListId)))
            .OrderBy(s => s.Id).Select(s => s.Text)
            .ToListAsync(cancellationToken);
        var tag = await db.CompanySettings.Select(s => s.GoalsTag).FirstOrDefaultAsync(cancellationToken) ?? Access.CompanySettings.DefaultGoalsTag;
        return new WeeklyRecap(
            weekStart,
            goals.Where(g => g.Status == GoalStatus.Done).Select(g => g.Text).Distinct(StringComparer.Ordinal).ToList(),
            goals.Where(g => g.Status == GoalStatus.Dropped).Select(g => new BlockedGoal(g.Text, g.StatusNote)).Distinct().ToList(),
            suggestions.Distinct(StringComparer.Ordinal).ToList(),
            tag);
    }
}
