using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Data;

namespace Ruche.Core.Recognition;

/// <summary>A person's own choice: whether the kudos they receive also appear in feeds (off until they turn it on).</summary>
public sealed class RecognitionPreferences(RucheDbContext db)
{
    public async Task<bool> ShowsKudosInFeedsAsync(Viewer viewer, CancellationToken cancellationToken) =>
        await db.Set<RecognitionPreference>().Where(p => p.PersonId == viewer.PersonId).Select(p => (bool?)p.ShowKudosInFeeds).SingleOrDefaultAsync(cancellationToken) ?? false;

    public async Task SetShowKudosInFeedsAsync(Viewer viewer, bool show, CancellationToken cancellationToken)
    {
        var row = await db.Set<RecognitionPreference>().SingleOrDefaultAsync(p => p.PersonId == viewer.PersonId, cancellationToken);
        if (row is null)
        {
            db.Add(new RecognitionPreference { PersonId = viewer.PersonId, ShowKudosInFeeds = show });
        }
        else
        {
            row.ShowKudosInFeeds = show;
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
