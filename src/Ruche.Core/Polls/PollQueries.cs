using System.Linq.Expressions;
using Ruche.Core.Data;
using Ruche.Core.Posts;

namespace Ruche.Core.Polls;

/// <summary>
/// Who reads a poll: whoever reads its post, by the post's own rule (<see cref="PostSubject"/>). A poll is part of its
/// post — same page, same audience, deleted with it — so it is not a subject of its own: its notifications are about
/// the post, and a second rule could only drift from the first.
/// </summary>
public static class PollQueries
{
    public static IQueryable<Poll> VisibleTo(this IQueryable<Poll> polls, long viewerId) => polls.Where(p => p.IsReadableBy(viewerId));

    [ExpandedFrom(nameof(ReadableByRule))]
    public static bool IsReadableBy(this Poll poll, long personId) => throw ExpandedFromAttribute.OutsideAQuery();

    private static readonly Expression<Func<Poll, long, bool>> ReadableByRule = (p, personId) => p.Post!.IsReadableBy(personId);
}
