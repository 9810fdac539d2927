using Microsoft.EntityFrameworkCore;
using Ruche.Core.Data;
using Ruche.Core.Subjects;

namespace Ruche.Core.Irritants;

/// <summary>Irritants as a subject: public to the whole company by design (what is private is who reported them and who said "me too").</summary>
public sealed class IrritantSubject() : SubjectKind<Irritant>(
    Kind,
    i => i.Id,
    i => true,
    (i, personId) => false,
    readers: null)
{
    public const string Kind = "irritant";

    /// <summary>What a link shows of the description.</summary>
    private const int TitleLength = 80;

    public static readonly IrritantSubject Instance = new();

    public override async Task<IReadOnlyDictionary<long, SubjectLink>> DescribeAsync(RucheDbContext db, IReadOnlyCollection<long> ids, CancellationToken cancellationToken) =>
        await db.Set<Irritant>().Where(i => ids.Contains(i.Id)).Select(i => new { i.Id, i.Description })
            .ToDictionaryAsync(
                i => i.Id,
                i => new SubjectLink($"/irritants/{i.Id}", i.Description.Length > TitleLength ? i.Description[..TitleLength] + "…" : i.Description),
                cancellationToken);
}
