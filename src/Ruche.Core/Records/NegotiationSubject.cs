using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Ruche.Core.Data;
using Ruche.Core.Dialogue;
using Ruche.Core.Spaces;
using Ruche.Core.Subjects;

namespace Ruche.Core.Records;

/// <summary>
/// A negotiation record: before publication, read by its named parties only (the direction people named, the named
/// unions' delegates); once published, also by its audience (everyone, or the members of its space).
/// </summary>
public sealed class NegotiationSubject() : SubjectKind<NegotiationRecord>(
    Kind,
    r => r.Id,
    r => r.Status == NegotiationStatus.Published && r.AudienceSpaceId == null,
    (r, personId) => r.Parties.Any(p => p.PersonId == personId || p.Union!.IsRunBy(personId))
        || (r.Status == NegotiationStatus.Published && r.AudienceSpaceId != null && r.AudienceSpace!.HasActiveMember(personId)),
    readers: null)
{
    public const string Kind = "negotiation-record";

    public static readonly NegotiationSubject Instance = new();

    public override async Task<IReadOnlyDictionary<long, SubjectLink>> DescribeAsync(RucheDbContext db, IReadOnlyCollection<long> ids, CancellationToken cancellationToken) =>
        await db.Set<NegotiationRecord>().Where(r => ids.Contains(r.Id)).Select(r => new { r.Id, r.Title })
            .ToDictionaryAsync(r => r.Id, r => new SubjectLink($"/records/{r.Id}", r.Title), cancellationToken);
}

public static class NegotiationQueries
{
    public static IQueryable<NegotiationRecord> VisibleTo(this IQueryable<NegotiationRecord> records, long viewerId) =>
        records.Where(r => r.IsReadableBy(viewerId));

    [ExpandedFrom(nameof(ReadableByRule))]
    public static bool IsReadableBy(this NegotiationRecord record, long personId) => throw ExpandedFromAttribute.OutsideAQuery();

    /// <summary>The person speaks for one of the record's named parties.</summary>
    [ExpandedFrom(nameof(PartyRule))]
    public static bool HasParty(this NegotiationRecord record, long personId) => throw ExpandedFromAttribute.OutsideAQuery();

    private static readonly Expression<Func<NegotiationRecord, long, bool>> ReadableByRule = NegotiationSubject.Instance.Readable;

    private static readonly Expression<Func<NegotiationRecord, long, bool>> PartyRule =
        (r, personId) => r.Parties.Any(p => p.PersonId == personId || p.Union!.IsRunBy(personId));
}
