using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Data;

namespace Ruche.Core.Dialogue;

/// <summary>
/// Each employee accepts or refuses each channel of each union (broadcasts, polls), at any time, with immediate effect:
/// the next broadcast or poll reads the choice as it is. The choice is nobody's business but theirs: no audit entry, no
/// list, no notification.
/// </summary>
public sealed class BroadcastChoices(RucheDbContext db, TimeProvider time)
{
    public async Task SetAsync(Viewer viewer, long unionId, UnionChannel channel, bool accepts, CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(channel))
        {
            throw RucheException.Invalid("dialogue.channel-invalid", "A channel is 'broadcasts' or 'polls'.");
        }

        if (!await db.Set<Union>().AnyAsync(u => u.Id == unionId, cancellationToken))
        {
            throw UnionService.NotFound();
        }

        var choice = await db.Set<BroadcastChoice>()
            .SingleOrDefaultAsync(c => c.PersonId == viewer.PersonId && c.UnionId == unionId && c.Channel == channel, cancellationToken);
        if (choice is null)
        {
            db.Add(new BroadcastChoice { PersonId = viewer.PersonId, UnionId = unionId, Channel = channel, Accepts = accepts, ChangedAt = time.UtcNow() });
        }
        else
        {
            choice.Accepts = accepts;
            choice.ChangedAt = time.UtcNow();
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
