using Microsoft.Extensions.DependencyInjection;
using Ruche.Core.Influence;
using Ruche.Core.PersonalData;

namespace Ruche.Core.Follows;

public static class FollowsFeature
{
    /// <summary>Following people, spaces and tags.</summary>
    public static IServiceCollection AddFollows(this IServiceCollection services)
    {
        services.AddScoped<FollowService>();
        services.AddScoped<IPersonalDataSource, FollowsPersonalData>();
        services.AddInteractionSource<FollowInteractions>();
        return services;
    }
}
