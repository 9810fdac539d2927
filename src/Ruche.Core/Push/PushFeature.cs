using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Ruche.Core.Notifications;
using Ruche.Core.PersonalData;

namespace Ruche.Core.Push;

public static class PushFeature
{
    /// <summary>Web Push to the devices people opted in (ADR 23); the host registers the real <see cref="IPushSender"/> when keys are configured.</summary>
    public static IServiceCollection AddPush(this IServiceCollection services)
    {
        services.TryAddSingleton<IPushSender, DisabledPushSender>();
        services.AddScoped<PushSubscriptionService>();
        services.AddScoped<PushDelivery>();
        services.AddScoped<INotificationOutlet, PushOutlet>();
        services.AddScoped<PushPersonalData>();
        services.AddScoped<IPersonalDataSource>(provider => provider.GetRequiredService<PushPersonalData>());
        services.AddScoped<IDisclosureSource, PushDisclosure>();
        return services;
    }
}
