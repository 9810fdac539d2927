using Microsoft.Extensions.DependencyInjection;
using Ruche.Core.Notifications;
using Ruche.Core.PersonalData;
using Ruche.Core.Subjects;

namespace Ruche.Core.Records;

public static class RecordsFeature
{
    /// <summary>
    /// Negotiation records (co-edited and approved by direction and the unions, then published) and CSE minutes (the
    /// secretary's, with deadlines and reminders): their services, two subjects, notification kinds, export and
    /// disclosure. No search source yet: records are reached from /records and /cse.
    /// </summary>
    public static IServiceCollection AddRecords(this IServiceCollection services)
    {
        services.AddScoped<NegotiationService>();
        services.AddScoped<NegotiationApprovals>();
        services.AddScoped<NegotiationReader>();
        services.AddScoped<CseService>();
        services.AddScoped<MinutesService>();
        services.AddScoped<MinutesReader>();
        services.AddScoped<MinutesReminders>();
        services.AddScoped<UnionReports>();
        services.AddSubject(NegotiationSubject.Instance);
        services.AddSubject(CseMeetingSubject.Instance);
        services.AddNotificationKinds(RecordsNotifications.All);
        services.AddScoped<IPersonalDataSource, RecordsPersonalData>();
        services.AddScoped<IDisclosureSource, RecordsDisclosure>();
        return services;
    }
}
