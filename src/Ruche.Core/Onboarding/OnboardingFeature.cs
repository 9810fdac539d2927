using Microsoft.Extensions.DependencyInjection;

namespace Ruche.Core.Onboarding;

public static class OnboardingFeature
{
    /// <summary>The welcome path of new people and the spaces suggested to them.</summary>
    public static IServiceCollection AddOnboarding(this IServiceCollection services)
    {
        services.AddScoped<OnboardingService>();
        services.AddScoped<SpaceSuggestions>();
        return services;
    }
}
