using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.PersonalData;

namespace Ruche.Core.Irritants;

/// <summary>
/// Irritants reported under one's name are public (everyone reads them, with the name); a "me too" is seen by nobody
/// (counts only). Anonymous reports are not counted here: nothing ties them to anyone.
/// </summary>
public sealed class IrritantsDisclosure(RucheDbContext db) : IDisclosureSource
{
    public async Task<IReadOnlyList<Disclosure>> DescribeAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        var me = viewer.PersonId;
        var named = await db.Set<Irritant>().CountAsync(i => i.ReporterId == me, cancellationToken);
        var meToo = await db.Set<IrritantMeToo>().CountAsync(m => m.PersonId == me, cancellationToken);
        return
        [
            new Disclosure("irritants", named, Audiences.Everyone),
            new Disclosure("irritant-me-too", meToo, Audiences.OnlyYou),
        ];
    }
}
