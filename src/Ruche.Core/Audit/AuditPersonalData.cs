using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Ruche.Core.Data;
using Ruche.Core.PersonalData;

namespace Ruche.Core.Audit;

/// <summary>The security events a person did or underwent (sign-ins, role changes…), for their export.</summary>
public sealed class AuditPersonalData(RucheDbContext db) : IPersonalDataSource
{
    public async Task ExportAsync(long personId, PersonalDataSections sections, CancellationToken cancellationToken)
    {
        var target = $"person:{personId.ToString(CultureInfo.InvariantCulture)}";
        sections.Add("securityEvents", await db.AuditEntries.AsNoTracking().Where(e => e.ActorId == personId || e.Target == target).OrderBy(e => e.Id)
            .Select(e => new { e.At, e.Action, e.Target, e.Details }).ToListAsync(cancellationToken));
    }
}
