using Microsoft.EntityFrameworkCore;
using Ruche.Core.Data;
using Ruche.Core.Influence;

namespace Ruche.Core.Follows;

/// <summary>A follows B (people only: following a space or a tag is no act towards a person).</summary>
internal sealed class FollowInteractions : IInteractionSource
{
    public string Name => "follows";

    public async Task ReadAsync(RucheDbContext db, InteractionWindow window, IInteractionSink sink, CancellationToken cancellationToken)
    {
        var rows = db.Set<PersonFollow>().AsNoTracking()
            .Where(f => f.CreatedAt >= window.From && f.CreatedAt <= window.To)
            .Select(f => new { f.FollowerId, f.FolloweeId, f.CreatedAt });
        await InteractionQuery.ReadAsync(rows, db, InteractionKind.Follow, sink, cancellationToken);
    }
}
