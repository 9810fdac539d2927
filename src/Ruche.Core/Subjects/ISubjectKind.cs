using System.Linq.Expressions;
using Ruche.Core.Data;

namespace Ruche.Core.Subjects;

/// <summary>
/// A kind of thing people read — a post, an event, a space's moderation, and next a poll, a survey, an idea, a page…
/// — registered by its own feature (<see cref="SubjectKind{T}"/>), so the shared machinery (notifications, live
/// updates, and the authorisation matrix) discovers it instead of listing it. See docs/adr/0011-read-rules-subjects-and-feature-layers.md.
/// </summary>
public interface ISubjectKind
{
    /// <summary>Stable lower-case name stored in rows that point at a subject ("post", "event"…).</summary>
    string Name { get; }

    /// <summary>The forward rule: ids of the subjects of this kind the person may read now, as a query to compose.</summary>
    IQueryable<long> ReadableBy(RucheDbContext db, long personId);

    /// <summary>
    /// The same rule as a predicate over (subject id, person id), for set queries where the person is a column — a
    /// notification's recipient, a candidate audience — so a whole audience is checked in one SQL command.
    /// </summary>
    Expression<Func<long, long, bool>> Reads(RucheDbContext db);

    /// <summary>The reverse rule: who may read the subject now — everyone, some people, or nobody when it is gone.</summary>
    Task<SubjectAudience> AudienceAsync(RucheDbContext db, long subjectId, CancellationToken cancellationToken);

    /// <summary>The ids among these that still exist (what is gone is never readable, and its traces can be swept).</summary>
    IQueryable<long> Existing(RucheDbContext db);

    /// <summary>What a line about each subject shows (a title, if any) and where it leads, in one query.</summary>
    Task<IReadOnlyDictionary<long, SubjectLink>> DescribeAsync(RucheDbContext db, IReadOnlyCollection<long> ids, CancellationToken cancellationToken);
}

/// <summary>Who reads a subject: everyone in the company, the listed people, or nobody (it is gone).</summary>
public sealed record SubjectAudience(bool Exists, bool CompanyWide, IReadOnlyCollection<long> People)
{
    public static readonly SubjectAudience Gone = new(false, false, []);

    public static SubjectAudience Everyone { get; } = new(true, true, []);

    public static SubjectAudience Only(IReadOnlyCollection<long> people) => new(true, false, people);

    /// <summary>True when the person is in the audience (company-wide includes everyone).</summary>
    public bool Includes(long personId) => Exists && (CompanyWide || People.Contains(personId));
}

/// <summary>Where a line about a subject leads in the web UI, and its title when it has one (an event's, a space's name).</summary>
public sealed record SubjectLink(string Path, string? Title);
