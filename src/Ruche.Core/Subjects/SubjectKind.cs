using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Ruche.Core.Data;
using Ruche.Core.People;

namespace Ruche.Core.Subjects;

/// <summary>
/// A subject kind defined by its read rule in two parts: the subject is company-wide (everyone reads it), or read by the
/// people for whom its <c>readBy</c> condition holds. "What may X read" is <c>companyWide(s) || readBy(s, X)</c>, and
/// the set predicate notifications use is that same expression. "Who may read s" is everyone when company-wide, else
/// the people <c>readers</c> lists: the same condition enumerated, written beside it from the same rules (for a space,
/// <see cref="Spaces.SpaceRules.HasActiveMember"/> and <see cref="Spaces.SpaceRules.ActiveMemberIds"/> share one
/// membership condition) and held to it by a property test on both providers; a kind without a cheap list gives none,
/// and its readers are then every person the forward rule admits.
/// Write the parts by composing the feature's own rules (<c>p =&gt; p.Space!.HasActiveMember(person)</c>), never by
/// spelling a space's rule again.
/// </summary>
public abstract class SubjectKind<T>(
    string name,
    Expression<Func<T, long>> id,
    Expression<Func<T, bool>> companyWide,
    Expression<Func<T, long, bool>> readBy,
    Expression<Func<T, IEnumerable<long>>>? readers) : ISubjectKind
    where T : class
{
    public string Name => name;

    /// <summary>The forward rule, whole: <c>(subject, person) =&gt; companyWide(subject) || readBy(subject, person)</c>.</summary>
    public Expression<Func<T, long, bool>> Readable { get; } = Lambda.Or(companyWide, readBy);

    public IQueryable<long> ReadableBy(RucheDbContext db, long personId) =>
        db.Set<T>().Where(Lambda.Bind(Readable, personId)).Select(id);

    public Expression<Func<long, long, bool>> Reads(RucheDbContext db)
    {
        var subjectId = Expression.Parameter(typeof(long), "subjectId");
        var personId = Expression.Parameter(typeof(long), "personId");
        var subject = Expression.Parameter(typeof(T), "subject");
        var match = Expression.Lambda<Func<T, bool>>(
            Expression.AndAlso(Expression.Equal(Lambda.Apply(id, subject), subjectId), Lambda.Apply(Readable, subject, personId)),
            subject);

        // The set's own expression (its query root), so EF Core composes it as a subquery of the query it is placed in.
        var any = Expression.Call(typeof(Queryable), nameof(Queryable.Any), [typeof(T)], db.Set<T>().AsQueryable().Expression, Expression.Quote(match));
        return Expression.Lambda<Func<long, long, bool>>(any, subjectId, personId);
    }

    public async Task<SubjectAudience> AudienceAsync(RucheDbContext db, long subjectId, CancellationToken cancellationToken)
    {
        var subject = db.Set<T>().Where(Lambda.Bind(Lambda.Equal(id), subjectId));
        var found = await subject.Select(companyWide).Select(c => (bool?)c).FirstOrDefaultAsync(cancellationToken);
        return found switch
        {
            null => SubjectAudience.Gone,
            true => SubjectAudience.Everyone,
            false when readers is not null => SubjectAudience.Only(await subject.SelectMany(readers).Distinct().ToListAsync(cancellationToken)),
            false => SubjectAudience.Only(await ReadersByTheForwardRuleAsync(db, subjectId, cancellationToken)),
        };
    }

    public IQueryable<long> Existing(RucheDbContext db) => db.Set<T>().Select(id);

    /// <summary>Every person for whom the forward rule holds: for kinds with no cheaper list of readers (a person's own).</summary>
    private Task<List<long>> ReadersByTheForwardRuleAsync(RucheDbContext db, long subjectId, CancellationToken cancellationToken)
    {
        var person = Expression.Parameter(typeof(Person), "person");
        var personId = Expression.Property(person, nameof(Person.Id));
        var reads = Expression.Lambda<Func<Person, bool>>(Lambda.Apply(Reads(db), Lambda.Value(subjectId), personId), person);
        return db.People.Where(reads).Select(p => p.Id).ToListAsync(cancellationToken);
    }

    public abstract Task<IReadOnlyDictionary<long, SubjectLink>> DescribeAsync(RucheDbContext db, IReadOnlyCollection<long> ids, CancellationToken cancellationToken);
}
