using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.PersonalData;

namespace Ruche.Core.Access;

/// <summary>Sign-ins and security changes go to the audit log, which administrators read.</summary>
public sealed class SecurityDisclosure(RucheDbContext db) : IDisclosureSource
{
    public async Task<IReadOnlyList<Disclosure>> DescribeAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        var target = $"person:{viewer.PersonId}";
        var events = await db.AuditEntries.CountAsync(e => e.ActorId == viewer.PersonId || e.Target == target, cancellationToken);
        return [new Disclosure("security-events", events, Audiences.Administrators)];
    }
}
