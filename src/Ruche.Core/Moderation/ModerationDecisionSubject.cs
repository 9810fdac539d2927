using Microsoft.EntityFrameworkCore;
using Ruche.Core.Data;
using Ruche.Core.Subjects;

namespace Ruche.Core.Moderation;

/// <summary>
/// A decision that hid or deleted someone's content: read by that author only (never by the reporters, whose names it
/// does not hold). A dismissal is nobody's news: the author is not told that someone reported them.
/// </summary>
public sealed class ModerationDecisionSubject() : SubjectKind<ModerationDecision>(
    Kind,
    d => d.Id,
    d => false,
    (d, personId) => d.AuthorId == personId && d.Action != ModerationAction.Dismiss,
    readers: null)
{
    public const string Kind = "moderation-decision";

    public static readonly ModerationDecisionSubject Instance = new();

    public override async Task<IReadOnlyDictionary<long, SubjectLink>> DescribeAsync(RucheDbContext db, IReadOnlyCollection<long> ids, CancellationToken cancellationToken) =>
        await db.Set<ModerationDecision>().Where(d => ids.Contains(d.Id)).Select(d => new { d.Id, d.Reason })
            .ToDictionaryAsync(d => d.Id, d => new SubjectLink($"/moderation/decisions/{d.Id}", d.Reason), cancellationToken);
}
