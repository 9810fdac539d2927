using Microsoft.EntityFrameworkCore;
using Ruche.Core.Data;
using Ruche.Core.PersonalData;

namespace Ruche.Core.Push;

/// <summary>A person's push devices and setting as personal data: the export lists them (not the endpoints, which are capabilities); erasure removes them.</summary>
public sealed class PushPersonalData(RucheDbContext db) : IPersonalDataSource
{
    public async Task ExportAsync(long personId, PersonalDataSections sections, CancellationToken cancellationToken) =>
        sections.Add("pushDevices", new
        {
            showPreviews = await db.Set<PushSettings>().AsNoTracking().Where(s => s.PersonId == personId).Select(s => s.ShowPreviews)
                .FirstOrDefaultAsync(cancellationToken),
            devices = await db.Set<PushSubscription>().AsNoTracking().Where(s => s.PersonId == personId).OrderBy(s => s.Id)
                .Select(s => new { s.DeviceLabel, s.CreatedAt }).ToListAsync(cancellationToken),
        });

    public async Task EraseAsync(long personId, CancellationToken cancellationToken)
    {
        await db.Set<PushSubscription>().Where(s => s.PersonId == personId).ExecuteDeleteAsync(cancellationToken);
        await db.Set<PushMessage>().Where(m => m.PersonId == personId).ExecuteDeleteAsync(cancellationToken);
        await db.Set<PushSettings>().Where(s => s.PersonId == personId).ExecuteDeleteAsync(cancellationToken);
    }
}
