using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.People;
using Ruche.Core.Search;

namespace Ruche.Core.Profiles;

/// <summary>People by name, job title and skills; the directory is company-wide, so every active person is found.</summary>
public sealed class PersonSearchSource(TimeProvider time) : ISearchSource
{
    public const string KindName = "person";

    public string Kind => KindName;

    public IEnumerable<Func<long>> Touched(EntityEntry entry)
    {
        switch (entry.Entity)
        {
            case Person person when entry.State != EntityState.Modified
                || entry.Property(nameof(Person.DisplayName)).IsModified || entry.Property(nameof(Person.JobTitle)).IsModified:
                yield return () => person.Id;
                break;
            case PersonSkill skill:
                yield return () => skill.PersonId;
                break;
        }
    }

    public async Task<IReadOnlyList<SearchSourceDocument>> LoadAsync(RucheDbContext db, SearchBatch batch, CancellationToken cancellationToken)
    {
        var people = batch.Ids is { } ids
            ? db.People.Where(p => ids.Contains(p.Id))
            : db.People.Where(p => p.Id > batch.AfterId).OrderBy(p => p.Id).Take(batch.Size);
        var rows = await people
            .Select(p => new { p.Id, p.DisplayName, p.JobTitle, p.CreatedAt, Skills = p.Skills.Select(s => s.Skill).ToList() })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new SearchSourceDocument(r.Id, r.DisplayName, Describe(r.JobTitle, r.Skills), null, null, r.CreatedAt)).ToList();
    }

    public Expression<Func<SearchHit, bool>> ReadableBy(RucheDbContext db, Viewer viewer) =>
        h => db.People.Any(p => p.Id == h.SourceId && p.IsActive);

    public Expression<Func<SearchHit, bool>>? Tagged(RucheDbContext db, string tag) => null;

    public async Task<IReadOnlyDictionary<long, SearchSourceView>> DescribeAsync(RucheDbContext db, Viewer viewer, IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        var now = Data.Clock.UtcNow(time);
        var rows = await db.People.Where(p => ids.Contains(p.Id) && p.IsActive)
            .Select(p => new
            {
                Person = PersonRefs.Of(p, now),
                p.CreatedAt,
                Skills = p.Skills.Select(s => s.Skill).ToList(),
            })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(
            r => r.Person.Id,
            r => new SearchSourceView(r.Person.DisplayName, Describe(r.Person.JobTitle, r.Skills), $"/people/{r.Person.Handle}", r.Person, null, r.CreatedAt));
    }

    private static string Describe(string? jobTitle, IEnumerable<string> skills)
    {
        var skillList = string.Join(", ", skills.Order(StringComparer.Ordinal));
        return string.IsNullOrEmpty(jobTitle) ? skillList : skillList.Length == 0 ? jobTitle : $"{jobTitle} · {skillList}";
    }
}
