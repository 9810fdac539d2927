using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Ruche.Core.Feeds;
using Ruche.Web.Auth;
using Ruche.Web.Hosting;

namespace Ruche.Web.Feeds;

public static class FeedsApi
{
    public static RouteGroupBuilder MapFeedsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/feeds/home", HomeAsync).WithTags("Feeds").WithName("HomeFeed");
        api.MapGet("/feeds/home/goals-today", async (ClaimsPrincipal user, FeedService feeds, CancellationToken ct) =>
            TypedResults.Ok(await feeds.HomeGoalsTodayAsync(user.RequireViewer(), ct))).WithTags("Feeds").WithName("HomeGoalsToday");
        api.MapGet("/feeds/company", CompanyAsync).WithTags("Feeds").WithName("CompanyFeed");
        api.MapGet("/spaces/{id:long}/feed", SpaceAsync).WithTags("Feeds").WithName("SpaceFeed");
        api.MapGet("/tags/{tag}/feed", TagAsync).WithTags("Feeds").WithName("TagFeed");
        api.MapGet("/people/{id:long}/feed", ProfileAsync).WithTags("Feeds").WithName("ProfileFeed");
        return api;
    }

    private static async Task<Ok<PageDto<PostCard>>> HomeAsync(ClaimsPrincipal user, FeedService feeds, string? cursor, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(PageDto.From(await feeds.HomeAsync(user.RequireViewer(), cursor, pageSize, ct)));

    private static async Task<Ok<PageDto<PostCard>>> CompanyAsync(ClaimsPrincipal user, FeedService feeds, string? cursor, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(PageDto.From(await feeds.CompanyAsync(user.RequireViewer(), cursor, pageSize, ct)));

    private static async Task<Ok<SpaceFeedDto>> SpaceAsync(long id, ClaimsPrincipal user, FeedService feeds, string? cursor, int? pageSize, CancellationToken ct)
    {
        var feed = await feeds.SpaceAsync(user.RequireViewer(), id, cursor, pageSize, ct);
        return TypedResults.Ok(new SpaceFeedDto(feed.Pinned, feed.Posts.Items, feed.Posts.NextCursor));
    }

    private static async Task<Ok<PageDto<PostCard>>> TagAsync(string tag, ClaimsPrincipal user, FeedService feeds, string? cursor, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(PageDto.From(await feeds.TagAsync(user.RequireViewer(), tag, cursor, pageSize, ct)));

    private static async Task<Ok<PageDto<PostCard>>> ProfileAsync(long id, ClaimsPrincipal user, FeedService feeds, string? cursor, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(PageDto.From(await feeds.ProfileAsync(user.RequireViewer(), id, cursor, pageSize, ct)));
}

/// <summary>A space's feed: its pinned posts (first page only), then its posts newest first.</summary>
public sealed record SpaceFeedDto(IReadOnlyList<PostCard> Pinned, IReadOnlyList<PostCard> Items, string? NextCursor);
