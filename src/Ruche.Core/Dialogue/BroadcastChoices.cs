using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Data;

namespace Ruche.Core.Dialogue;

/// <summary>
/// Each employee accepts or refuses each union's broadcasts, at any time, with immediate effect: the next broadcast
/// reads the choice as it is. The choice is nobody's business but theirs: no audit entry, no list, no notification.
/// </summary>
public sealed class BroadcastChoices(RucheDbContext db, TimeProvider time)
{
    public async Task SetAsync(Viewer viewer, long unionId, bool accepts, CancellationToken cancellationToken)
    {
        if (!await db.Set<Union>().AnyAsync(u => u.Id == unionId, cancellationToken))
        {
            throw UnionService.NotFound();
        }

        var choice = await db.Set<BroadcastChoice>().SingleOrDefaultAsync(c => c.PersonId == viewer.PersonId && c.UnionId == unionId, cancellationToken);
        if (choice is null)
        {
            db.Add(new BroadcastChoice { PersonId = viewer.PersonId, UnionId = unionId, Accepts = accepts, ChangedAt = time.UtcNow() });
        }
        else
        {
            choice.Accepts = accepts;
            choice.ChangedAt = time.UtcNow();
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
