using Ruche.Core.Common;
using Ruche.Core.People;
using Ruche.Core.Spaces;

namespace Ruche.Core.Search;

/// <summary>A search as asked: the query text, filters (each optional), the order and the page.</summary>
public sealed record SearchRequest(
    string? Query,
    string? Type = null,
    long? SpaceId = null,
    long? AuthorId = null,
    string? Tag = null,
    DateOnly? From = null,
    DateOnly? To = null,
    string? Sort = null,
    string? Cursor = null,
    int? PageSize = null);

/// <summary>
/// A page of results, and how many results each type has for the same query and filters (facets): only
/// what the reader may read is ever counted.
/// </summary>
public sealed record SearchResults(IReadOnlyList<SearchResult> Items, string? NextCursor, IReadOnlyList<SearchFacet> Facets);

/// <param name="More">True when there are more than <paramref name="Count"/>: counting stops at <see cref="SearchService.MaxOffset"/>, as far as pages go.</param>
public sealed record SearchFacet(string Type, int Count, bool More = false);

/// <summary>
/// One result. <see cref="TitleHtml"/> and <see cref="SnippetHtml"/> are HTML-encoded text with the matched
/// words in &lt;mark&gt;; <see cref="Path"/> is where the result lives in the web UI.
/// </summary>
public sealed record SearchResult(
    string Type,
    long Id,
    string Path,
    string? TitleHtml,
    string SnippetHtml,
    PersonRef? Person,
    SpaceRef? Space,
    DateTime CreatedAt);

public static class SearchSort
{
    public const string Relevance = "relevance";
    public const string Newest = "newest";
}
