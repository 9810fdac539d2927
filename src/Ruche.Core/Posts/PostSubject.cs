using Ruche.Core.Data;
using Ruche.Core.Spaces;
using Ruche.Core.Subjects;

namespace Ruche.Core.Posts;

/// <summary>
/// Posts as a subject: company-wide (<see cref="PostQueries.IsCompanyWide"/>) or read by the active members of their
/// space. <see cref="PostQueries.VisibleTo"/> is this rule, so feeds, notifications and live messages read one definition.
/// </summary>
public sealed class PostSubject() : SubjectKind<Post>(
    Kind,
    p => p.Id,
    p => p.IsCompanyWide(),
    (p, personId) => p.Space!.HasActiveMember(personId),
    p => p.Space!.ActiveMemberIds())
{
    public const string Kind = "post";

    public static readonly PostSubject Instance = new();

    public override Task<IReadOnlyDictionary<long, SubjectLink>> DescribeAsync(RucheDbContext db, IReadOnlyCollection<long> ids, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<long, SubjectLink>>(ids.Distinct().ToDictionary(id => id, id => new SubjectLink($"/posts/{id}", null)));
}
