using Ruche.Core.Access;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.Notifications;

namespace Ruche.Core.Reporting;

/// <summary>
/// Nobody becomes a referent silently, an administrator granting it to themselves included: the change goes to the
/// channel's access log (which referents read and nobody edits) with the role change itself, besides the audit log, and
/// every other referent is told who made the change. The person appointed or removed is not notified through the desk.
/// </summary>
public sealed class ReferentAppointments(RucheDbContext db, ReportingAccessLog log, Notifier notifier) : IRoleChangeWatcher
{
    public async Task RecordAsync(RoleChange change, CancellationToken cancellationToken)
    {
        if (Touches(change) is { } action)
        {
            await log.AppendAsync(null, AccessActor.Administrator, change.ActorId, action, $"person:{change.PersonId}", cancellationToken);
        }
    }

    public async Task AnnounceAsync(RoleChange change, CancellationToken cancellationToken)
    {
        if (Touches(change) is null)
        {
            return;
        }

        var audience = await ReportingDeskSubject.Instance.AudienceAsync(db, ReportingDesk.Only, cancellationToken);
        await notifier.NotifyAsync(ReportingNotifications.Referents, change.ActorId, audience.People.Where(id => id != change.PersonId), ReportingDesk.Only);
    }

    private static string? Touches(RoleChange change) =>
        change.Added.Contains(RoleNames.Referent) ? "referent.added"
        : change.Removed.Contains(RoleNames.Referent) ? "referent.removed"
        : null;
}
