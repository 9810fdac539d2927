using Microsoft.Extensions.DependencyInjection;
using Ruche.Core.Notifications;
using Ruche.Core.PersonalData;
using Ruche.Core.Search;
using Ruche.Core.Subjects;

namespace Ruche.Core.Irritants;

public static class IrritantsFeature
{
    /// <summary>Irritants: the subject, its notification kind, search, the move to the reporting channel, export and disclosure (the host gives the settings from configuration).</summary>
    public static IServiceCollection AddIrritants(this IServiceCollection services)
    {
        services.AddScoped<IrritantService>();
        services.AddScoped<IrritantReader>();
        services.AddScoped<IrritantHandover>();
        services.AddSubject(IrritantSubject.Instance);
        services.AddSingleton<ISearchSource, IrritantSearchSource>();
        services.AddNotificationKinds(IrritantNotifications.All);
        services.AddScoped<IDisclosureSource, IrritantsDisclosure>();
        services.AddScoped<IPersonalDataSource, IrritantsPersonalData>();
        return services;
    }
}
