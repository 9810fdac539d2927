using Microsoft.Extensions.DependencyInjection;

namespace Ruche.Core.Feeds;

public static class FeedsFeature
{
    /// <summary>The feeds, and what a live page missed.</summary>
    public static IServiceCollection AddFeeds(this IServiceCollection services)
    {
        services.AddScoped<PostCardLoader>();
        services.AddScoped<FeedService>();
        services.AddScoped<LiveCatchUp>();
        return services;
    }
}
