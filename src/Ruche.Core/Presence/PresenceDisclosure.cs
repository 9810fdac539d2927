using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.PersonalData;

namespace Ruche.Core.Presence;

/// <summary>Today's working-from status is shown to the whole company beside the person's name, until their day ends.</summary>
public sealed class PresenceDisclosure(RucheDbContext db, TimeProvider time) : IDisclosureSource
{
    public async Task<IReadOnlyList<Disclosure>> DescribeAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        var now = Data.Clock.UtcNow(time);
        var count = await db.PresenceStatuses.CountAsync(s => s.PersonId == viewer.PersonId && s.ExpiresAt > now, cancellationToken);
        return [new Disclosure("presence", count, Audiences.Everyone)];
    }
}
