using System.Linq.Expressions;
using Ruche.Core.Data;

namespace Ruche.Core.Recognition;

/// <summary>The one rule for who reads a kudos, the forward half of <see cref="KudosSubject"/>: the wall, profiles, feeds, the API and exports read through it.</summary>
public static class KudosQueries
{
    public static IQueryable<Kudos> VisibleTo(this IQueryable<Kudos> kudos, long viewerId) => kudos.Where(k => k.IsReadableBy(viewerId));

    [ExpandedFrom(nameof(ReadableByRule))]
    public static bool IsReadableBy(this Kudos kudos, long personId) => throw ExpandedFromAttribute.OutsideAQuery();

    private static readonly Expression<Func<Kudos, long, bool>> ReadableByRule = KudosSubject.Instance.Readable;
}
