using Microsoft.Extensions.DependencyInjection;
using Ruche.Core.Notifications;
using Ruche.Core.PersonalData;
using Ruche.Core.Search;
using Ruche.Core.Subjects;

namespace Ruche.Core.Events;

public static class EventsFeature
{
    /// <summary>Events and calendars: the event subject and its notification kinds, search source and disclosure (the host reads their settings from configuration).</summary>
    public static IServiceCollection AddEvents(this IServiceCollection services)
    {
        services.AddScoped<EventService>();
        services.AddScoped<EventAgenda>();
        services.AddScoped<CalendarFeedService>();
        services.AddSubject(EventSubject.Instance);
        services.AddNotificationKinds(EventNotifications.All);
        services.AddSingleton<ISearchSource, EventSearchSource>();
        services.AddScoped<IDisclosureSource, EventsDisclosure>();
        services.AddScoped<IPersonalDataSource, EventsPersonalData>();
        return services;
    }
}
