using Microsoft.EntityFrameworkCore;
using Ruche.Core.Data;
using Ruche.Core.PersonalData;

namespace Ruche.Core.Reporting;

/// <summary>
/// A named reporter's own cases, for their export: what they wrote and the messages both ways, opened with the key. A
/// case is found only by the keyed fingerprint of the account that made it (<see cref="ReportingCase.ReporterFingerprint"/>):
/// an anonymous case has none, so it is in nobody's export, and nobody else's case can match. Each export of a case
/// goes to the channel's access log, like the reporter following it.
/// </summary>
public sealed class ReportingPersonalData(RucheDbContext db, CaseSeals seals, ReportingAccessLog log) : IPersonalDataSource
{
    public async Task ExportAsync(long personId, PersonalDataSections sections, CancellationToken cancellationToken)
    {
        var fingerprint = seals.Reporter(personId);
        var cases = await db.Set<ReportingCase>().AsNoTracking()
            .Where(c => c.ReporterFingerprint == fingerprint && c.AnonymisedAt == null)
            .OrderBy(c => c.ReceivedAt)
            .Include(c => c.Messages)
            .ToListAsync(cancellationToken);
        if (cases.Count > 0)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var found in cases)
            {
                await log.AppendAsync(found.Id, AccessActor.Reporter, null, "case.exported", null, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        sections.Add("reporting", cases.Select(c => new
        {
            code = c.Code,
            topic = ReportingInput.Name(c.Topic),
            status = ReportingInput.Name(c.Status),
            receivedAt = c.ReceivedAt,
            text = seals.OpenText(c.Code, c.SealedText),
            identity = seals.OpenIdentity(c.Code, c.SealedIdentity),
            messages = c.Messages.OrderBy(m => m.Id).Select(m => new { fromReferents = m.ReferentId is not null, at = m.At, text = seals.OpenMessage(c.Code, m.SealedText) }).ToList(),
        }).ToList());
    }
}
