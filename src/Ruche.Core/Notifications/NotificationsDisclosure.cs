using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.PersonalData;

namespace Ruche.Core.Notifications;

/// <summary>A person's notifications and notification choices are read by them alone (no read times are kept).</summary>
public sealed class NotificationsDisclosure(RucheDbContext db) : IDisclosureSource
{
    public async Task<IReadOnlyList<Disclosure>> DescribeAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        var count = await db.Notifications.CountAsync(n => n.RecipientId == viewer.PersonId, cancellationToken);
        return [new Disclosure("notifications", count, Audiences.OnlyYou)];
    }
}
