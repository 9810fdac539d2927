using Microsoft.Extensions.DependencyInjection;

namespace Ruche.Core.Notifications;

public static class NotificationRegistration
{
    /// <summary>Registers a feature's notification kinds: preferences offer them, in registration order.</summary>
    public static IServiceCollection AddNotificationKinds(this IServiceCollection services, IEnumerable<NotificationKind> kinds)
    {
        foreach (var kind in kinds)
        {
            services.AddSingleton(kind);
        }

        return services;
    }
}
