using Microsoft.Extensions.DependencyInjection;
using Ruche.Core.PersonalData;

namespace Ruche.Core.Presence;

public static class PresenceFeature
{
    /// <summary>Working-from statuses and a team presence view.</summary>
    public static IServiceCollection AddPresence(this IServiceCollection services)
    {
        services.AddScoped<PresenceService>();
        services.AddScoped<TeamPresence>();
        services.AddScoped<IDisclosureSource, PresenceDisclosure>();
        services.AddScoped<IPersonalDataSource, PresencePersonalData>();
        return services;
    }
}
