using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Data;

namespace Ruche.Core.Records;

/// <summary>What the viewer may read of negotiation records: the list by status, one record with its timeline, and diffs between versions.</summary>
public sealed class NegotiationReader(RucheDbContext db)
{
    public async Task<IReadOnlyList<NegotiationSummary>> ListAsync(Viewer viewer, NegotiationStatus? status, CancellationToken cancellationToken)
    {
        var records = db.Set<NegotiationRecord>().VisibleTo(viewer.PersonId);
        if (status is { } only)
        {
            records = records.Where(r => r.Status == only);
        }

        return await records.OrderByDescending(r => r.PublishedAt ?? r.CreatedAt).Take(200)
            .Select(r => new NegotiationSummary(
                r.Id, r.Title, r.Subject, r.Status, r.Version, r.AudienceSpace == null ? null : r.AudienceSpace.Name, r.CreatedAt, r.PublishedAt,
                r.Parties.Count, r.Parties.Count(p => p.ApprovedVersion == r.Version)))
            .ToListAsync(cancellationToken);
    }

    public async Task<NegotiationView> GetAsync(Viewer viewer, long recordId, CancellationToken cancellationToken)
    {
        var me = viewer.PersonId;
        var record = await db.Set<NegotiationRecord>().AsNoTracking().VisibleTo(me).Where(r => r.Id == recordId)
            .Select(r => new
            {
                r.Id, r.Title, r.Subject, r.Text, r.TextHtml, r.Status, r.Version, r.AudienceSpaceId,
                Audience = r.AudienceSpace == null ? null : r.AudienceSpace.Name, r.CreatedAt, r.PublishedAt,
                Parties = r.Parties.OrderBy(p => p.UnionId).ThenBy(p => p.Id).Select(p => new NegotiationPartyView(
                    p.Id, p.UnionId != null, p.PersonId, p.UnionId, p.Union != null ? p.Union.Name : p.Person!.DisplayName,
                    p.ApprovedVersion, p.ApprovedAt, p.PersonId == me || p.Union!.Delegates.Any(d => d.PersonId == me))).ToList(),
                Steps = r.Steps.OrderBy(s => s.At).ThenBy(s => s.Id).Select(s => new { s.Kind, s.Version, s.PartyId, s.At }).ToList(),
                Versions = r.Versions.OrderByDescending(v => v.Number).Select(v => new { v.Number, v.PartyId, v.SavedAt }).ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken) ?? throw NegotiationService.NotFound();

        var labels = record.Parties.ToDictionary(p => p.Id, p => p.Label);
        var isParty = record.Parties.Any(p => p.IsViewer);
        var open = record.Status != NegotiationStatus.Published;
        return new NegotiationView(
            record.Id, record.Title, record.Subject, record.Text, record.TextHtml, record.Status, record.Version, record.AudienceSpaceId, record.Audience,
            record.CreatedAt, record.PublishedAt, record.Parties,
            [.. record.Steps.Select(s => new NegotiationStepView(s.Kind, s.Version, s.PartyId is { } id ? labels.GetValueOrDefault(id) : null, s.At))],
            [.. record.Versions.Select(v => new NegotiationVersionView(v.Number, v.PartyId is { } id ? labels.GetValueOrDefault(id) : null, v.SavedAt))],
            CanEdit: isParty && open,
            CanApprove: record.Status == NegotiationStatus.Review && record.Parties.Any(p => p.IsViewer && p.ApprovedVersion != record.Version),
            CanSubmit: isParty && record.Status == NegotiationStatus.Draft);
    }

    /// <summary>The changes from one version to another (both readable by whoever reads the record).</summary>
    public async Task<VersionDiff> DiffAsync(Viewer viewer, long recordId, int from, int to, CancellationToken cancellationToken)
    {
        var readable = db.Set<NegotiationRecord>().VisibleTo(viewer.PersonId).Where(r => r.Id == recordId);
        if (!await readable.AnyAsync(cancellationToken))
        {
            throw NegotiationService.NotFound();
        }

        var texts = await db.Set<NegotiationVersion>().Where(v => v.RecordId == recordId && (v.Number == from || v.Number == to))
            .ToDictionaryAsync(v => v.Number, v => v.Text, cancellationToken);
        return texts.TryGetValue(from, out var old) && texts.TryGetValue(to, out var @new)
            ? VersionDiff.Between(from, old, to, @new)
            : throw RucheException.NotFound("records.version-not-found", "No such version of this record.");
    }
}
