using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Ruche.Core.Data;

namespace Ruche.Core.Reporting;

/// <summary>
/// Erases what closed cases say once they have been quiet for <see cref="ReportingSettings.AnonymiseAfterMonths"/>
/// (2 months by default) after closure: text, reporter identity, persons concerned, messages and the secret go; the
/// code, topic, dates and outcome stay for the statistics, with the access log. Each case in its own transaction.
/// </summary>
public sealed class ReportingRetention(RucheDbContext db, ReportingAccessLog log, IOptions<ReportingSettings> settings, TimeProvider time)
{
    public async Task<int> AnonymiseDueAsync(CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var quietSince = now.AddMonths(-Math.Max(0, settings.Value.AnonymiseAfterMonths));
        var due = await db.Set<ReportingCase>()
            .Where(c => c.Status == CaseStatus.Closed && c.AnonymisedAt == null && c.ClosedAt <= quietSince && c.LastActivityAt <= quietSince)
            .Select(c => c.Id).ToListAsync(cancellationToken);
        foreach (var id in due)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Set<ReportingMessage>().Where(m => m.CaseId == id).ExecuteDeleteAsync(cancellationToken);
            await db.Set<ReportingCase>().Where(c => c.Id == id).ExecuteUpdateAsync(
                s => s.SetProperty(c => c.SealedText, (byte[]?)null)
                    .SetProperty(c => c.SealedIdentity, (byte[]?)null)
                    .SetProperty(c => c.ReporterFingerprint, (byte[]?)null)
                    .SetProperty(c => c.SealedConcerned, (byte[]?)null)
                    .SetProperty(c => c.SecretHash, (byte[]?)null)
                    .SetProperty(c => c.SecretSalt, (byte[]?)null)
                    .SetProperty(c => c.AnonymisedAt, now),
                cancellationToken);
            await log.AppendAsync(id, AccessActor.System, null, "case.anonymised", null, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return due.Count;
    }
}
