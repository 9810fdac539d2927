using Ruche.Core.Data;
using Ruche.Core.People;
using Ruche.Core.Subjects;

namespace Ruche.Core.Goals;

/// <summary>A person's own goals routine (the morning reminder is about it): its id is the person's, and only they read it.</summary>
public sealed class OwnGoalsSubject() : SubjectKind<Person>(
    Kind,
    p => p.Id,
    p => false,
    (p, personId) => p.Id == personId,
    readers: null)
{
    public const string Kind = "own-goals";

    public static readonly OwnGoalsSubject Instance = new();

    public override Task<IReadOnlyDictionary<long, SubjectLink>> DescribeAsync(RucheDbContext db, IReadOnlyCollection<long> ids, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<long, SubjectLink>>(ids.Distinct().ToDictionary(id => id, _ => new SubjectLink("/goals", null)));
}
