using Microsoft.EntityFrameworkCore;
using Ruche.Core.Audit;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.Notifications;
using Ruche.Core.Spaces;

namespace Ruche.Core.Records;

/// <summary>
/// Each named party approves the version it read; once every party approved the current version the record is
/// approved and, in the same transaction, published to its audience, who are told.
/// </summary>
public sealed class NegotiationApprovals(RucheDbContext db, NegotiationService records, Notifier notifier, AuditLog audit, TimeProvider time)
{
    public async Task ApproveAsync(Viewer viewer, long recordId, NegotiationApproval request, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (record, _) = await records.HoldPartyAsync(viewer, recordId, cancellationToken);
        if (record.Status != NegotiationStatus.Review)
        {
            throw RucheException.Conflict("records.not-in-review", "Only a record in review is approved.");
        }

        if (request.Version != record.Version)
        {
            throw RucheException.Conflict("records.version-changed", "The text changed since you read it: read the new version first.");
        }

        var me = viewer.PersonId;
        var mine = record.Parties.Where(p => p.ApprovedVersion != record.Version
            && (p.PersonId == me || p.Union?.Delegates.Any(d => d.PersonId == me) == true)).ToList();
        if (mine.Count == 0)
        {
            throw RucheException.Conflict("records.already-approved", "Your party already approved this version.");
        }

        var now = time.UtcNow();
        foreach (var party in mine)
        {
            party.ApprovedVersion = record.Version;
            party.ApprovedAt = now;
            db.Add(new NegotiationStep { RecordId = record.Id, Kind = NegotiationStepKind.Approved, Version = record.Version, PartyId = party.Id, At = now });
        }

        var published = record.Parties.All(p => p.ApprovedVersion == record.Version);
        if (published)
        {
            record.Status = NegotiationStatus.Published;
            record.PublishedAt = now;
            db.Add(new NegotiationStep { RecordId = record.Id, Kind = NegotiationStepKind.AllApproved, Version = record.Version, At = now });
            db.Add(new NegotiationStep { RecordId = record.Id, Kind = NegotiationStepKind.Published, Version = record.Version, At = now });
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var party in mine)
        {
            await audit.RecordAsync(NegotiationService.ActorOf(viewer, party), "records.negotiation-approved", $"negotiation:{record.Id}",
                NegotiationService.PartyDetail(party, record.Version), cancellationToken);
        }

        if (published)
        {
            await audit.RecordAsync(null, "records.negotiation-published", $"negotiation:{record.Id}", new { version = record.Version, audience = record.AudienceSpaceId }, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        if (published)
        {
            await notifier.NotifyAsync(RecordsNotifications.Published, null, await AudienceAsync(record, cancellationToken), record.Id);
        }
    }

    /// <summary>Who is told of the publication: everyone active, or the audience space's active members.</summary>
    private Task<List<long>> AudienceAsync(NegotiationRecord record, CancellationToken cancellationToken) =>
        record.AudienceSpaceId is { } spaceId
            ? db.Spaces.Where(s => s.Id == spaceId).SelectMany(s => s.ActiveMemberIds()).ToListAsync(cancellationToken)
            : db.People.Where(p => p.IsActive).Select(p => p.Id).ToListAsync(cancellationToken);
}
