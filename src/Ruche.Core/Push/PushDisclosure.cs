using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.PersonalData;

namespace Ruche.Core.Push;

/// <summary>The devices a person opted in for push are seen by them alone.</summary>
public sealed class PushDisclosure(RucheDbContext db) : IDisclosureSource
{
    public async Task<IReadOnlyList<Disclosure>> DescribeAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        var count = await db.Set<PushSubscription>().CountAsync(s => s.PersonId == viewer.PersonId, cancellationToken);
        return [new Disclosure("push-devices", count, Audiences.OnlyYou)];
    }
}
