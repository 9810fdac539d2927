using Microsoft.Extensions.DependencyInjection;

namespace Ruche.Core.Home;

public static class HomeFeature
{
    /// <summary>The context column beside the signed-in pages.</summary>
    public static IServiceCollection AddHome(this IServiceCollection services)
    {
        services.AddScoped<ContextColumnService>();
        return services;
    }
}
