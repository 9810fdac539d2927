using Microsoft.EntityFrameworkCore;
using Ruche.Core.Data;
using Ruche.Core.Spaces;
using Ruche.Core.Subjects;

namespace Ruche.Core.Wiki;

/// <summary>Pages as a subject: read by whoever reads their space (<see cref="WikiQueries.VisibleTo"/> is this rule).</summary>
public sealed class WikiPageSubject() : SubjectKind<WikiPage>(
    Kind,
    p => p.Id,
    p => p.Space!.IsCompanyWide(),
    (p, personId) => p.Space!.HasActiveMember(personId),
    p => p.Space!.ActiveMemberIds())
{
    public const string Kind = "page";

    public static readonly WikiPageSubject Instance = new();

    public override async Task<IReadOnlyDictionary<long, SubjectLink>> DescribeAsync(RucheDbContext db, IReadOnlyCollection<long> ids, CancellationToken cancellationToken) =>
        await db.Set<WikiPage>().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.SpaceId, p.Slug, p.Title })
            .ToDictionaryAsync(p => p.Id, p => new SubjectLink(WikiPaths.Page(p.SpaceId, p.Slug), p.Title), cancellationToken);
}

/// <summary>Where a page lives on the web: a stable address posts, goals and events may link to.</summary>
public static class WikiPaths
{
    public static string Page(long spaceId, string slug) => $"/spaces/{spaceId}/pages/{slug}";

    public static string Space(long spaceId) => $"/spaces/{spaceId}/pages";
}
