using Microsoft.Extensions.DependencyInjection;
using Ruche.Core.Notifications;
using Ruche.Core.PersonalData;
using Ruche.Core.Search;
using Ruche.Core.Subjects;

namespace Ruche.Core.Ideas;

public static class IdeasFeature
{
    /// <summary>The idea box: ideas and their status changes as subjects, their notification kinds, search source, export and disclosure.</summary>
    public static IServiceCollection AddIdeas(this IServiceCollection services)
    {
        services.AddScoped<IdeaService>();
        services.AddScoped<IdeasLive>();
        services.AddScoped<IdeaReader>();
        services.AddSubject(IdeaSubject.Instance);
        services.AddSubject(IdeaStatusChangeSubject.Instance);
        services.AddNotificationKinds(IdeaNotifications.All);
        services.AddSingleton<ISearchSource, IdeaSearchSource>();
        services.AddScoped<IDisclosureSource, IdeasDisclosure>();
        services.AddScoped<IPersonalDataSource, IdeasPersonalData>();
        return services;
    }
}
