using Microsoft.Extensions.DependencyInjection;

namespace Ruche.Core.Targeting;

public static class TargetingFeature
{
    /// <summary>Audiences by site, department, professional category and topic, shared by union broadcasts and HR messages.</summary>
    public static IServiceCollection AddTargeting(this IServiceCollection services)
    {
        services.AddScoped<AudienceFilter>();
        return services;
    }
}
