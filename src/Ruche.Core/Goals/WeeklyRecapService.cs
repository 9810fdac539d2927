using System.Globalization;
using System.Text;
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
/// recap of the goals each member did and carried over, unless the team turned it off. Exactly once per team and week:
/// the (space, Monday) claim row is inserted in the same transaction as the post, so a second node's insert fails on
/// the key and it moves on.
/// </summary>
public sealed class WeeklyRecapService(RucheDbContext db, ContentRenderer renderer, LiveEvents live, TimeProvider time)
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
        var weekEnd = weekStart.AddDays(6);
        var inTeam = db.SpaceMemberships.Where(m => m.SpaceId == spaceId && m.IsActive()).Select(m => m.PersonId);
        var rows = await db.Goals
            .Join(db.GoalLists, g => g.ListId, l => l.Id, (g, l) => new { Goal = g, List = l })
            .Where(x => x.List.LocalDate >= weekStart && x.List.LocalDate <= weekEnd && inTeam.Contains(x.List.PersonId))
            .GroupBy(x => new { x.List.PersonId, x.List.Person!.DisplayName })
            .Select(g => new
            {
                g.Key.PersonId,
                g.Key.DisplayName,
                Done = g.Count(x => x.Goal.Status == GoalStatus.Done),
                Carried = g.Count(x => x.Goal.Status == GoalStatus.Open && db.Goals.Any(c => c.CarriedFromGoalId == x.Goal.Id)),
                Total = g.Count(x => x.Goal.Status != GoalStatus.Replaced),
            })
            .OrderBy(r => r.DisplayName)
            .ToListAsync(cancellationToken);
        var space = await db.Spaces.Where(s => s.Id == spaceId).Select(s => new { s.CreatedById }).SingleAsync(cancellationToken);
        var tag = await db.CompanySettings.Select(s => s.GoalsTag).FirstOrDefaultAsync(cancellationToken) ?? Access.CompanySettings.DefaultGoalsTag;
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"**Bilan de la semaine du {weekStart:dd/MM/yyyy} · Weekly recap, week of {weekStart:yyyy-MM-dd}**\n\n");
        foreach (var row in rows)
        {
            body.Append(CultureInfo.InvariantCulture, $"- {row.DisplayName} : {row.Done}/{row.Total} faits · done, {row.Carried} reportés · carried over\n");
        }

        body.Append(CultureInfo.InvariantCulture, $"\n#{tag}");
        var content = await renderer.RenderAsync(body.ToString(), cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var post = new Post
        {
            // A post needs an author: the team space's creator, in whose space it appears. The text says it is automatic.
            AuthorId = space.CreatedById,
            SpaceId = spaceId,
            Body = body.ToString(),
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
}
