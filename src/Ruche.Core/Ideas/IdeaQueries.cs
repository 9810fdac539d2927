using System.Linq.Expressions;
using Ruche.Core.Data;

namespace Ruche.Core.Ideas;

/// <summary>
/// The one rule for who sees an idea, the forward half of <see cref="IdeaSubject"/>: pages, the API, search, votes,
/// comments and notifications all go through it.
/// </summary>
public static class IdeaQueries
{
    public static IQueryable<Idea> VisibleTo(this IQueryable<Idea> ideas, long viewerId) => ideas.Where(i => i.IsReadableBy(viewerId));

    [ExpandedFrom(nameof(ReadableByRule))]
    public static bool IsReadableBy(this Idea idea, long personId) => throw ExpandedFromAttribute.OutsideAQuery();

    private static readonly Expression<Func<Idea, long, bool>> ReadableByRule = IdeaSubject.Instance.Readable;
}
