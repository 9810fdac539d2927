using Microsoft.EntityFrameworkCore;
using Ruche.Core.Data;
using Ruche.Core.Spaces;
using Ruche.Core.Subjects;

namespace Ruche.Core.Events;

/// <summary>Events as a subject: read by whoever reads their space (<see cref="EventQueries.VisibleTo"/> is this rule).</summary>
public sealed class EventSubject() : SubjectKind<SpaceEvent>(
    Kind,
    e => e.Id,
    e => e.Space!.IsCompanyWide(),
    (e, personId) => e.Space!.HasActiveMember(personId),
    e => e.Space!.ActiveMemberIds())
{
    public const string Kind = "event";

    public static readonly EventSubject Instance = new();

    public override async Task<IReadOnlyDictionary<long, SubjectLink>> DescribeAsync(RucheDbContext db, IReadOnlyCollection<long> ids, CancellationToken cancellationToken) =>
        await db.Events.Where(e => ids.Contains(e.Id)).Select(e => new { e.Id, e.Title })
            .ToDictionaryAsync(e => e.Id, e => new SubjectLink($"/events/{e.Id}", e.Title), cancellationToken);
}
