using Microsoft.EntityFrameworkCore;
using Ruche.Core.Data;
using Ruche.Core.Spaces;
using Ruche.Core.Subjects;

namespace Ruche.Core.Ideas;

/// <summary>
/// Ideas as a subject: a company-wide idea (no space) is read by everyone; an idea in a space by whoever reads the
/// space (<see cref="IdeaQueries.VisibleTo"/> is this rule).
/// </summary>
public sealed class IdeaSubject() : SubjectKind<Idea>(
    Kind,
    i => i.Id,
    i => i.SpaceId == null || i.Space!.IsCompanyWide(),
    (i, personId) => i.SpaceId != null && i.Space!.HasActiveMember(personId),
    i => i.Space!.ActiveMemberIds())
{
    public const string Kind = "idea";

    public static readonly IdeaSubject Instance = new();

    public override async Task<IReadOnlyDictionary<long, SubjectLink>> DescribeAsync(RucheDbContext db, IReadOnlyCollection<long> ids, CancellationToken cancellationToken) =>
        await db.Set<Idea>().Where(i => ids.Contains(i.Id)).Select(i => new { i.Id, i.Title })
            .ToDictionaryAsync(i => i.Id, i => new SubjectLink($"/ideas/{i.Id}", i.Title), cancellationToken);
}

/// <summary>
/// A status change of an idea, what its author and followers are told of: read by whoever reads the idea. Described by
/// the idea's title, its new status and the public reason, so the notification carries the reason itself.
/// </summary>
public sealed class IdeaStatusChangeSubject() : SubjectKind<IdeaStatusChange>(
    Kind,
    c => c.Id,
    c => c.Idea!.SpaceId == null || c.Idea.Space!.IsCompanyWide(),
    (c, personId) => c.Idea!.SpaceId != null && c.Idea.Space!.HasActiveMember(personId),
    c => c.Idea!.Space!.ActiveMemberIds())
{
    public const string Kind = "idea-status-change";

    public static readonly IdeaStatusChangeSubject Instance = new();

    public override async Task<IReadOnlyDictionary<long, SubjectLink>> DescribeAsync(RucheDbContext db, IReadOnlyCollection<long> ids, CancellationToken cancellationToken) =>
        await db.Set<IdeaStatusChange>().Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.IdeaId, c.Idea!.Title, c.Reason })
            .ToDictionaryAsync(c => c.Id, c => new SubjectLink($"/ideas/{c.IdeaId}#change-{c.Id}", $"{c.Title} — {c.Reason}"), cancellationToken);
}
