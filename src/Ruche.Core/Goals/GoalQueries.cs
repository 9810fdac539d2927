using Ruche.Core.Data;
using Ruche.Core.Posts;

namespace Ruche.Core.Goals;

/// <summary>
/// Goals are read by whoever reads their post (<see cref="PostQueries.VisibleTo"/>): the one rule for the card, the
/// board, search, suggestions and exports.
/// </summary>
public static class GoalQueries
{
    public static IQueryable<GoalList> VisibleTo(this IQueryable<GoalList> lists, RucheDbContext db, long viewerId)
    {
        var readable = db.Posts.VisibleTo(viewerId);
        return lists.Where(l => readable.Any(p => p.Id == l.PostId));
    }

    public static IQueryable<Goal> VisibleTo(this IQueryable<Goal> goals, RucheDbContext db, long viewerId)
    {
        var lists = db.GoalLists.VisibleTo(db, viewerId);
        return goals.Where(g => lists.Any(l => l.Id == g.ListId));
    }
}
