using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Content;
using Ruche.Core.Data;

namespace Ruche.Core.Search;

/// <summary>
/// The search engine: one query over every registered <see cref="ISearchSource"/>. Each source's visibility
/// rule is part of the SQL that finds, counts and pages results, so nothing the reader may not read is ever
/// loaded, counted or shown. A page costs a constant number of SQL commands: the counts per type, the page,
/// and one query per type present on it.
/// </summary>
public sealed class SearchService(RucheDbContext db, IFullTextIndex index, IEnumerable<ISearchSource> sources)
{
    /// <summary>Results are paged by position; past this many a reader should refine the query.</summary>
    public const int MaxOffset = 1000;

    public async Task<SearchResults> SearchAsync(Viewer viewer, SearchRequest request, CancellationToken cancellationToken)
    {
        var query = SearchQuery.Parse(request.Query);
        var size = Cursor.PageSize(request.PageSize);
        var offset = ParseOffset(request.Cursor);
        var newest = (request.Sort ?? SearchSort.Relevance) switch
        {
            SearchSort.Relevance => false,
            SearchSort.Newest => true,
            _ => throw RucheException.Invalid("search.sort-invalid", "Sort by 'relevance' or 'newest'."),
        };
        var all = sources.ToList();
        var only = request.Type is { } type
            ? all.FirstOrDefault(s => s.Kind == type)
                ?? throw RucheException.Invalid("search.type-invalid", $"Type is one of: {string.Join(", ", all.Select(s => s.Kind))}.")
            : null;
        var tag = request.Tag is null ? null : Tags.Normalize(request.Tag) ?? throw RucheException.Invalid("tag.invalid", "Not a valid tag.");
        if (request.From is { } from && request.To is { } to && from > to)
        {
            throw RucheException.Invalid("search.dates-invalid", "The start date is after the end date.");
        }

        if (query.MatchesNothing)
        {
            return new SearchResults([], null, all.Select(s => new SearchFacet(s.Kind, 0)).ToList());
        }

        var hits = Filtered(index.Match(db, query), request);
        var readable = all
            .Select(source => (Source: source, Rule: Readable(source, viewer, tag)))
            .Where(r => r.Rule is not null)
            .ToList();

        // Counts first: they cover every type (the reader sees where else the query matched) and, when the
        // requested type has nothing, spare the page query. Each stops past the deepest page one can reach: a common
        // word matches thousands of documents, and checking each one's visibility only to print a number would cost
        // more than the page itself.
        var capped = readable.Select(r => hits.Where(r.Rule!).Select(h => h.Kind).Take(MaxOffset + 1)).Aggregate(Queryable.Concat);
        var counts = (await capped.GroupBy(kind => kind).Select(g => new { Kind = g.Key, Count = g.Count() }).ToListAsync(cancellationToken))
            .ToDictionary(c => c.Kind, c => c.Count, StringComparer.Ordinal);

        var facets = all.Select(s => counts.GetValueOrDefault(s.Kind) is var count && count > MaxOffset
                ? new SearchFacet(s.Kind, MaxOffset, More: true)
                : new SearchFacet(s.Kind, count))
            .ToList();
        var wanted = readable.Where(r => only is null || r.Source == only).ToList();
        if (wanted.Sum(r => counts.GetValueOrDefault(r.Source.Kind)) <= offset)
        {
            return new SearchResults([], null, facets);
        }

        var inPage = hits.Where(Predicates.AnyOf(wanted.Select(r => r.Rule!).ToList()));
        var ordered = newest
            ? inPage.OrderByDescending(h => h.CreatedAt).ThenByDescending(h => h.DocumentId)
            : inPage.OrderByDescending(h => h.Rank).ThenByDescending(h => h.CreatedAt).ThenByDescending(h => h.DocumentId);
        var page = await ordered.Skip(offset).Take(size + 1).Select(h => new { h.Kind, h.SourceId }).ToListAsync(cancellationToken);
        var hasMore = page.Count > size && offset + size < MaxOffset;
        page = page.Take(size).ToList();

        var views = new Dictionary<string, IReadOnlyDictionary<long, SearchSourceView>>(StringComparer.Ordinal);
        foreach (var group in page.GroupBy(h => h.Kind))
        {
            var source = all.Single(s => s.Kind == group.Key);
            views[group.Key] = await source.DescribeAsync(db, viewer, group.Select(h => h.SourceId).ToList(), cancellationToken);
        }

        var items = page
            .Where(h => views[h.Kind].ContainsKey(h.SourceId))
            .Select(h => ToResult(h.Kind, h.SourceId, views[h.Kind][h.SourceId], query))
            .ToList();
        return new SearchResults(items, hasMore ? (offset + size).ToString(CultureInfo.InvariantCulture) : null, facets);
    }

    private Expression<Func<SearchHit, bool>>? Readable(ISearchSource source, Viewer viewer, string? tag)
    {
        var kind = source.Kind;
        Expression<Func<SearchHit, bool>> rule = h => h.Kind == kind;
        rule = rule.And(source.ReadableBy(db, viewer));
        if (tag is null)
        {
            return rule;
        }

        return source.Tagged(db, tag) is { } tagged ? rule.And(tagged) : null;
    }

    private static IQueryable<SearchHit> Filtered(IQueryable<SearchHit> hits, SearchRequest request)
    {
        if (request.SpaceId is { } spaceId)
        {
            hits = hits.Where(h => h.SpaceId == spaceId);
        }

        if (request.AuthorId is { } authorId)
        {
            hits = hits.Where(h => h.AuthorId == authorId);
        }

        // Dates are whole days in UTC, both ends included.
        if (request.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            hits = hits.Where(h => h.CreatedAt >= start);
        }

        if (request.To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            hits = hits.Where(h => h.CreatedAt < end);
        }

        return hits;
    }

    private static SearchResult ToResult(string kind, long id, SearchSourceView view, SearchQuery query) => new(
        kind,
        id,
        view.Path,
        view.Title is null ? null : Snippets.HighlightAll(view.Title, query.HighlightTerms),
        Snippets.Highlight(view.Text, query.HighlightTerms),
        view.Person,
        view.Space,
        view.CreatedAt);

    private static int ParseOffset(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return 0;
        }

        if (int.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var offset) && offset is > 0 and < MaxOffset)
        {
            return offset;
        }

        throw RucheException.Invalid("cursor.invalid", "The cursor is not one this server produced.");
    }
}
