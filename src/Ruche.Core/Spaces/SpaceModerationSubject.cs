using Microsoft.EntityFrameworkCore;
using Ruche.Core.Data;
using Ruche.Core.Subjects;

namespace Ruche.Core.Spaces;

/// <summary>A space's moderation (join requests, new members): read by its active owners and moderators only.</summary>
public sealed class SpaceModerationSubject() : SubjectKind<Space>(
    Kind,
    s => s.Id,
    s => false,
    (s, personId) => s.IsModeratedBy(personId),
    s => s.ModeratorIds())
{
    public const string Kind = "space-moderation";

    public static readonly SpaceModerationSubject Instance = new();

    public override async Task<IReadOnlyDictionary<long, SubjectLink>> DescribeAsync(RucheDbContext db, IReadOnlyCollection<long> ids, CancellationToken cancellationToken) =>
        await db.Spaces.Where(s => ids.Contains(s.Id)).Select(s => new { s.Id, s.Name })
            .ToDictionaryAsync(s => s.Id, s => new SubjectLink($"/spaces/{s.Id}/members", s.Name), cancellationToken);
}
