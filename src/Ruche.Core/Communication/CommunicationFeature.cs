using Microsoft.Extensions.DependencyInjection;
using Ruche.Core.Notifications;
using Ruche.Core.PersonalData;
using Ruche.Core.Subjects;

namespace Ruche.Core.Communication;

public static class CommunicationFeature
{
    /// <summary>
    /// Targeted company messages from HR and the *community manager social*: sending, reading, each employee's refusals,
    /// the sender's aggregate reach; one subject and one notification kind, the export and the disclosure. No search
    /// source: a message is read by its recipients only, from its notification or their list.
    /// </summary>
    public static IServiceCollection AddCommunication(this IServiceCollection services)
    {
        services.AddScoped<CommunicationService>();
        services.AddScoped<MessageReading>();
        services.AddScoped<MessageReachService>();
        services.AddScoped<MessageOptOuts>();
        services.AddSubject(CompanyMessageSubject.Instance);
        services.AddNotificationKinds(CommunicationNotifications.All);
        services.AddScoped<IPersonalDataSource, CommunicationPersonalData>();
        services.AddScoped<IDisclosureSource, CommunicationDisclosure>();
        return services;
    }
}
