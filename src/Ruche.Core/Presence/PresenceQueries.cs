using Ruche.Core.Data;

namespace Ruche.Core.Presence;

/// <summary>
/// Statuses still in force, as a query to use inside a projection of people (built outside the lambda so EF Core
/// inlines it as a subquery): a page showing people loads their statuses in the same SQL command.
/// </summary>
public static class PresenceQueries
{
    public static IQueryable<PresenceStatus> Current(RucheDbContext db, DateTime now) =>
        db.PresenceStatuses.Where(s => s.ExpiresAt > now);
}
