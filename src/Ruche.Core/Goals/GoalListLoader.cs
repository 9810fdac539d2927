using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.People;

namespace Ruche.Core.Goals;

/// <summary>Turns visible lists into views in three queries whatever their number: the lists, their goals, their suggestions.</summary>
public sealed class GoalListLoader(RucheDbContext db, TimeProvider time)
{
    /// <param name="lists">Lists already filtered by <see cref="GoalQueries.VisibleTo(IQueryable{GoalList}, RucheDbContext, long)"/>.</param>
    public async Task<List<GoalListView>> LoadAsync(Viewer viewer, IQueryable<GoalList> lists, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var rows = await lists
            .Select(l => new
            {
                l.Id,
                l.PostId,
                Person = PersonRefs.Of(l.Person!, now),
                l.LocalDate,
                l.ClosesAt,
            })
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return [];
        }

        var ids = rows.Select(r => r.Id).ToList();
        var goals = (await db.Goals.Where(g => ids.Contains(g.ListId)).OrderBy(g => g.Position)
                .Select(g => new
                {
                    g.ListId,
                    g.Id,
                    g.Position,
                    g.Text,
                    g.LinkUrl,
                    g.LinkPostId,
                    LinkPerson = g.LinkPersonId == null ? null : db.People.Where(p => p.Id == g.LinkPersonId)
                        .Select(p => PersonRefs.Of(p, now)).FirstOrDefault(),
                    g.Status,
                    g.StatusNote,
                    g.CarriedFromGoalId,
                    g.FromSuggestionId,
                })
                .ToListAsync(cancellationToken))
            .ToLookup(g => g.ListId);
        var suggestions = (await db.GoalSuggestions
                .Where(s => db.Goals.Any(g => g.Id == s.GoalId && ids.Contains(g.ListId)))
                .OrderBy(s => s.Id)
                .Select(s => new SuggestionView(
                    s.Id,
                    s.GoalId,
                    PersonRefs.Of(s.Author!, now),
                    s.Text,
                    s.Note,
                    s.Status,
                    s.CreatedAt))
                .ToListAsync(cancellationToken))
            .ToLookup(s => s.GoalId);

        return rows.Select(r =>
        {
            var closed = now >= r.ClosesAt;
            var mine = r.Person.Id == viewer.PersonId;
            return new GoalListView(
                r.Id,
                r.PostId,
                r.Person,
                r.LocalDate,
                r.ClosesAt,
                closed,
                goals[r.Id].Select(g => new GoalView(
                    g.Id, g.Position, g.Text, g.LinkUrl, g.LinkPostId, g.LinkPerson, g.Status, g.StatusNote, g.CarriedFromGoalId, g.FromSuggestionId, suggestions[g.Id].ToList())).ToList(),
                CanCheckOff: mine && !closed,
                CanSuggest: !mine && !closed,
                Mine: mine);
        }).ToList();
    }
}
