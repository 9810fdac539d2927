using System.Linq.Expressions;
using Ruche.Core.Data;

namespace Ruche.Core.People;

/// <summary>
/// A person as shown beside what they wrote or did, and their working-from status still in force, written once for
/// every query: call <see cref="Of"/> or <see cref="PresenceOf"/> inside a LINQ projection.
/// <see cref="QueryExpansion"/>, an EF Core query interceptor every provider registers, replaces each call by
/// its projection before translation, so the status is read in the same SQL command, joined on its key.
/// </summary>
public static class PersonRefs
{
    /// <summary>What replaces <see cref="PresenceOf"/>: a status lasts until the end of its person's local day.</summary>
    public static readonly Expression<Func<Person, DateTime, PresenceBadge?>> PresenceProjection = (person, now) =>
        person.PresenceStatus != null && person.PresenceStatus.ExpiresAt > now
            ? new PresenceBadge(person.PresenceStatus.Mode, person.PresenceStatus.Note)
            : null;

    /// <summary>What replaces <see cref="Of"/>.</summary>
    public static readonly Expression<Func<Person, DateTime, PersonRef>> Projection = (person, now) =>
        new PersonRef(person.Id, person.DisplayName, person.Handle, person.JobTitle, person.TimeZone, person.PhotoFileId)
        {
            Presence = PresenceOf(person, now),
        };

    /// <summary>Only inside a query projection, where it is expanded into <see cref="Projection"/>.</summary>
    [ExpandedFrom(nameof(Projection))]
    public static PersonRef Of(Person person, DateTime now) => throw ExpandedFromAttribute.OutsideAQuery();

    /// <summary>Only inside a query projection, where it is expanded into <see cref="PresenceProjection"/>.</summary>
    [ExpandedFrom(nameof(PresenceProjection))]
    public static PresenceBadge? PresenceOf(Person person, DateTime now) => throw ExpandedFromAttribute.OutsideAQuery();
}
