using System.Linq.Expressions;
using Ruche.Core.Data;

namespace Ruche.Core.Wiki;

/// <summary>
/// The one rule for who reads a page, the forward half of <see cref="WikiPageSubject"/>: pages, the API, history,
/// diffs, search, comments, attachments and notifications all go through it.
/// </summary>
public static class WikiQueries
{
    public static IQueryable<WikiPage> VisibleTo(this IQueryable<WikiPage> pages, long viewerId) => pages.Where(p => p.IsReadableBy(viewerId));

    [ExpandedFrom(nameof(ReadableByRule))]
    public static bool IsReadableBy(this WikiPage page, long personId) => throw ExpandedFromAttribute.OutsideAQuery();

    private static readonly Expression<Func<WikiPage, long, bool>> ReadableByRule = WikiPageSubject.Instance.Readable;
}
