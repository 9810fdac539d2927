using Microsoft.Extensions.DependencyInjection;
using Ruche.Core.Notifications;
using Ruche.Core.PersonalData;
using Ruche.Core.Search;
using Ruche.Core.Subjects;

namespace Ruche.Core.Spaces;

public static class SpacesFeature
{
    /// <summary>Spaces and their members: the space-moderation subject and its notification kinds, and the space search source.</summary>
    public static IServiceCollection AddSpaces(this IServiceCollection services)
    {
        services.AddScoped<SpaceService>();
        services.AddSubject(SpaceModerationSubject.Instance);
        services.AddNotificationKinds(SpaceNotifications.All);
        services.AddSingleton<ISearchSource, SpaceSearchSource>();
        services.AddScoped<IPersonalDataSource, SpacesPersonalData>();
        return services;
    }
}
