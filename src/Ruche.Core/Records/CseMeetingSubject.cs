using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Ruche.Core.Data;
using Ruche.Core.Subjects;

namespace Ruche.Core.Records;

/// <summary>
/// A CSE meeting and its minutes: read by the CSE (president, secretary, members) while in progress; once the secretary
/// published the minutes, by everyone.
/// </summary>
public sealed class CseMeetingSubject() : SubjectKind<CseMeeting>(
    Kind,
    m => m.Id,
    m => m.Status == MinutesStatus.Published,
    (m, personId) => m.Cse!.SitsOn(personId),
    readers: null)
{
    public const string Kind = "cse-meeting";

    public static readonly CseMeetingSubject Instance = new();

    public override async Task<IReadOnlyDictionary<long, SubjectLink>> DescribeAsync(RucheDbContext db, IReadOnlyCollection<long> ids, CancellationToken cancellationToken) =>
        await db.Set<CseMeeting>().Where(m => ids.Contains(m.Id)).Select(m => new { m.Id, m.Title })
            .ToDictionaryAsync(m => m.Id, m => new SubjectLink($"/cse/meetings/{m.Id}", m.Title), cancellationToken);
}

public static class CseQueries
{
    public static IQueryable<CseMeeting> VisibleTo(this IQueryable<CseMeeting> meetings, long viewerId) =>
        meetings.Where(Lambda.Bind(CseMeetingSubject.Instance.Readable, viewerId));

    /// <summary>The person is the CSE's president, its secretary or one of its members.</summary>
    [ExpandedFrom(nameof(SitsOnRule))]
    public static bool SitsOn(this CseBody cse, long personId) => throw ExpandedFromAttribute.OutsideAQuery();

    private static readonly Expression<Func<CseBody, long, bool>> SitsOnRule =
        (c, personId) => c.PresidentId == personId || c.SecretaryId == personId || c.Members.Any(m => m.PersonId == personId);
}
