using Microsoft.EntityFrameworkCore;
using Ruche.Core.Data;
using Ruche.Core.Subjects;

namespace Ruche.Core.Dialogue;

/// <summary>
/// A union's broadcast: read by its delegates and by every employee who has not refused that union's broadcasts (who
/// refused sees none, at once). Who receives it unasked is narrower (<see cref="UnionRules.IsPushedTo"/>): the sender
/// picks them from the same choices.
/// </summary>
public sealed class UnionBroadcastSubject() : SubjectKind<UnionBroadcast>(
    Kind,
    b => b.Id,
    b => false,
    (b, personId) => b.Union!.IsRunBy(personId) || !b.Union!.IsRefusedBy(personId),
    readers: null)
{
    public const string Kind = "union-broadcast";

    public static readonly UnionBroadcastSubject Instance = new();

    public override async Task<IReadOnlyDictionary<long, SubjectLink>> DescribeAsync(RucheDbContext db, IReadOnlyCollection<long> ids, CancellationToken cancellationToken) =>
        await db.Set<UnionBroadcast>().Where(b => ids.Contains(b.Id)).Select(b => new { b.Id, b.Title })
            .ToDictionaryAsync(b => b.Id, b => new SubjectLink($"/unions/broadcasts/{b.Id}", b.Title), cancellationToken);
}

/// <summary>A private question to a union: read by the person who asked it and that union's delegates, nobody else.</summary>
public sealed class UnionQuestionSubject() : SubjectKind<UnionQuestion>(
    Kind,
    q => q.Id,
    q => false,
    (q, personId) => q.AskerId == personId || q.Union!.IsRunBy(personId),
    readers: null)
{
    public const string Kind = "union-question";

    public static readonly UnionQuestionSubject Instance = new();

    /// <summary>The link only: the words are sealed and the asker's name is the notification's actor, shown to its readers only.</summary>
    public override async Task<IReadOnlyDictionary<long, SubjectLink>> DescribeAsync(RucheDbContext db, IReadOnlyCollection<long> ids, CancellationToken cancellationToken) =>
        await db.Set<UnionQuestion>().Where(q => ids.Contains(q.Id)).Select(q => new { q.Id, q.Union!.Name })
            .ToDictionaryAsync(q => q.Id, q => new SubjectLink($"/unions/questions/{q.Id}", q.Name), cancellationToken);
}

public static class DialogueQueries
{
    public static IQueryable<UnionBroadcast> VisibleTo(this IQueryable<UnionBroadcast> broadcasts, long viewerId) =>
        broadcasts.Where(Lambda.Bind(UnionBroadcastSubject.Instance.Readable, viewerId));

    public static IQueryable<UnionQuestion> VisibleTo(this IQueryable<UnionQuestion> questions, long viewerId) =>
        questions.Where(Lambda.Bind(UnionQuestionSubject.Instance.Readable, viewerId));
}
