using Microsoft.Extensions.DependencyInjection;
using Ruche.Core.Files;
using Ruche.Core.Notifications;
using Ruche.Core.PersonalData;
using Ruche.Core.Search;
using Ruche.Core.Subjects;

namespace Ruche.Core.Wiki;

public static class WikiFeature
{
    /// <summary>Co-written pages: the page subject, its notification kinds, search source, attachments, export and disclosure.</summary>
    public static IServiceCollection AddWiki(this IServiceCollection services)
    {
        services.AddScoped<WikiService>();
        services.AddScoped<WikiTreeService>();
        services.AddScoped<WikiReader>();
        services.AddScoped<WikiLive>();
        services.AddSubject(WikiPageSubject.Instance);
        services.AddNotificationKinds(WikiNotifications.All);
        services.AddSingleton<ISearchSource, WikiSearchSource>();
        services.AddSingleton<IFileAttachments, WikiFileAttachments>();
        services.AddScoped<IDisclosureSource, WikiDisclosure>();
        services.AddScoped<IPersonalDataSource, WikiPersonalData>();
        return services;
    }
}
