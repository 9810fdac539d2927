using Microsoft.Extensions.DependencyInjection;
using Ruche.Core.PersonalData;
using Ruche.Core.Subjects;

namespace Ruche.Core.Notifications;

public static class NotificationsFeature
{
    /// <summary>The notification centre, preferences, digest and quiet hours; features register their kinds with <see cref="NotificationRegistration.AddNotificationKinds"/>.</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddSingleton<SubjectKinds>();
        services.AddSingleton<NotificationKinds>();
        services.AddScoped<Notifier>();
        services.AddScoped<NotificationService>();
        services.AddScoped<NotificationPreferenceService>();
        services.AddScoped<DigestService>();
        services.AddScoped<QuietHoursRelease>();
        services.AddScoped<NotificationsPersonalData>();
        services.AddScoped<IPersonalDataSource>(provider => provider.GetRequiredService<NotificationsPersonalData>());
        services.AddScoped<IDisclosureSource, NotificationsDisclosure>();
        return services;
    }
}
