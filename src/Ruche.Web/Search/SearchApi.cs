using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Ruche.Core.Search;
using Ruche.Web.Auth;

namespace Ruche.Web.Search;

public static class SearchApi
{
    public static RouteGroupBuilder MapSearchApi(this RouteGroupBuilder api)
    {
        api.MapGet("/search", SearchAsync).WithTags("Search").WithName("Search")
            .WithDescription("""
                Searches posts, comments, spaces, people and events the caller may read. q: words (all must match), "quoted phrases",
                -word to exclude. Filters: type (post, comment, space, person, event), spaceId, authorId, tag, from and to (UTC dates,
                included). sort: relevance (default) or newest. Snippets are HTML-encoded with matches in <mark>.
                """);
        return api;
    }

    private static async Task<Ok<SearchResults>> SearchAsync(
        ClaimsPrincipal user,
        SearchService search,
        string? q,
        string? type,
        long? spaceId,
        long? authorId,
        string? tag,
        DateOnly? from,
        DateOnly? to,
        string? sort,
        string? cursor,
        int? pageSize,
        CancellationToken ct) =>
        TypedResults.Ok(await search.SearchAsync(
            user.RequireViewer(), new SearchRequest(q, type, spaceId, authorId, tag, from, to, sort, cursor, pageSize), ct));
}
