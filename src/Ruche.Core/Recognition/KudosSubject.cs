using Microsoft.EntityFrameworkCore;
using Ruche.Core.Data;
using Ruche.Core.Spaces;
using Ruche.Core.Subjects;

namespace Ruche.Core.Recognition;

/// <summary>
/// Kudos as a subject: a thank-you to a person, or to a team whose space is open, is read by everyone; a thank-you to
/// a team whose space is not open, by whoever reads that space (<see cref="KudosQueries.VisibleTo"/> is this rule).
/// A thank-you a moderator hid is read by nobody (profile, feeds, wall, badges, statistics, search, notifications): its
/// giver learns why from the moderation decision.
/// </summary>
public sealed class KudosSubject() : SubjectKind<Kudos>(
    Kind,
    k => k.Id,
    k => k.HiddenAt == null && (k.SpaceId == null || k.Space!.IsCompanyWide()),
    (k, personId) => k.HiddenAt == null && k.SpaceId != null && k.Space!.HasActiveMember(personId),
    k => k.Space!.ActiveMemberIds())
{
    public const string Kind = "kudos";

    public static readonly KudosSubject Instance = new();

    public override async Task<IReadOnlyDictionary<long, SubjectLink>> DescribeAsync(RucheDbContext db, IReadOnlyCollection<long> ids, CancellationToken cancellationToken) =>
        await db.Set<Kudos>().Where(k => ids.Contains(k.Id)).Select(k => new { k.Id, k.CreatedAt, k.Message })
            .ToDictionaryAsync(
                k => k.Id,
                k => new SubjectLink($"/kudos?month={k.CreatedAt:yyyy-MM}#kudos-{k.Id}", k.Message.Length > 140 ? k.Message[..140] + "…" : k.Message),
                cancellationToken);
}
