using Microsoft.Extensions.DependencyInjection;

namespace Ruche.Core.Bdese;

public static class BdeseFeature
{
    /// <summary>
    /// The BDESE (ADR 19): readers' and writers' services and the read log. It registers no subject, search source,
    /// notification kind or feed on purpose: its rule is a role, not a relation, and nothing of it may surface
    /// elsewhere (company search does not index it, so no search result can show it to anyone).
    /// </summary>
    public static IServiceCollection AddBdese(this IServiceCollection services)
    {
        services.AddScoped<BdeseReadLog>();
        services.AddScoped<BdeseLibrary>();
        services.AddScoped<BdeseEditor>();
        return services;
    }
}
