using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Data;

namespace Ruche.Core.Communication;

/// <summary>
/// Each employee refuses or accepts each non-essential category of company messages, with immediate effect (the next
/// send reads it). Nobody else reads the choice: no audit, no list; the sender only sees fewer recipients, counted from k.
/// </summary>
public sealed class MessageOptOuts(RucheDbContext db, TimeProvider time)
{
    public async Task<IReadOnlyList<OptOutView>> ListAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        var refused = await db.Set<MessageOptOut>().Where(o => o.PersonId == viewer.PersonId).Select(o => o.Category).ToListAsync(cancellationToken);
        return [.. MessageCategories.Refusable.Select(c => new OptOutView(c.Name(), refused.Contains(c)))];
    }

    public async Task SetAsync(Viewer viewer, string? categoryName, bool refuses, CancellationToken cancellationToken)
    {
        var category = MessageCategories.Parse(categoryName);
        if (!category.CanBeRefused())
        {
            throw RucheException.Invalid("communication.category-not-refusable", "Essential messages cannot be refused.");
        }

        var me = viewer.PersonId;
        var existing = await db.Set<MessageOptOut>().SingleOrDefaultAsync(o => o.PersonId == me && o.Category == category, cancellationToken);
        if (refuses && existing is null)
        {
            db.Add(new MessageOptOut { PersonId = me, Category = category, ChangedAt = time.UtcNow() });
        }
        else if (!refuses && existing is not null)
        {
            db.Remove(existing);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
