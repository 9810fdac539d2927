using Ruche.Core.Data;
using Ruche.Core.Subjects;

namespace Ruche.Core.Notifications;

/// <summary>What the lines of a page of notifications lead to: one query per subject kind on the page, whatever its length.</summary>
public sealed class SubjectLinks(IReadOnlyDictionary<(string Kind, long Id), SubjectLink> links)
{
    /// <summary>A subject that went between the two reads leads nowhere useful: the home page.</summary>
    private static readonly SubjectLink Gone = new("/", null);

    public SubjectLink Of(string kind, long id) => links.GetValueOrDefault((kind, id), Gone);

    public static async Task<SubjectLinks> DescribeAsync(
        RucheDbContext db, SubjectKinds subjects, IEnumerable<(string Kind, long Id)> rows, CancellationToken cancellationToken)
    {
        var links = new Dictionary<(string, long), SubjectLink>();
        foreach (var kind in rows.GroupBy(r => r.Kind))
        {
            if (subjects.Find(kind.Key) is not { } subject)
            {
                continue;
            }

            foreach (var (id, link) in await subject.DescribeAsync(db, [.. kind.Select(r => r.Id).Distinct()], cancellationToken))
            {
                links[(kind.Key, id)] = link;
            }
        }

        return new SubjectLinks(links);
    }
}
