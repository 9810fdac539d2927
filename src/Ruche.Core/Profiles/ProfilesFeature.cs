using Microsoft.Extensions.DependencyInjection;
using Ruche.Core.PersonalData;
using Ruche.Core.Search;

namespace Ruche.Core.Profiles;

public static class ProfilesFeature
{
    /// <summary>The directory and profiles: the person search source and the profile disclosure.</summary>
    public static IServiceCollection AddProfiles(this IServiceCollection services)
    {
        services.AddScoped<ProfileService>();
        services.AddSingleton<ISearchSource, PersonSearchSource>();
        services.AddScoped<IDisclosureSource, ProfileDisclosure>();
        services.AddScoped<IPersonalDataSource, ProfilePersonalData>();
        return services;
    }
}
