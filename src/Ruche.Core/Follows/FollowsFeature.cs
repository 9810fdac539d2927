using Microsoft.Extensions.DependencyInjection;

namespace Ruche.Core.Follows;

public static class FollowsFeature
{
    /// <summary>Following people, spaces and tags.</summary>
    public static IServiceCollection AddFollows(this IServiceCollection services)
    {
        services.AddScoped<FollowService>();
        return services;
    }
}
