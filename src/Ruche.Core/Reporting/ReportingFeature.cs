using Microsoft.Extensions.DependencyInjection;
using Ruche.Core.Access;
using Ruche.Core.Notifications;
using Ruche.Core.PersonalData;
using Ruche.Core.Subjects;

namespace Ruche.Core.Reporting;

public static class ReportingFeature
{
    /// <summary>
    /// The confidential reporting channel: the reporter's and the referents' services, the case and desk subjects (read
    /// by referents only), their notification kinds, the deadline and anonymisation passes and the referent-role watcher.
    /// It registers no search source, feed, export or disclosure on purpose: cases are kept apart from everything social.
    /// </summary>
    public static IServiceCollection AddReporting(this IServiceCollection services)
    {
        services.AddSingleton<CaseSeals>();
        services.AddScoped<ReportingAccessLog>();
        services.AddScoped<ReportingIntake>();
        services.AddScoped<IPersonalDataSource, ReportingPersonalData>();
        services.AddScoped<ReferentDesk>();
        services.AddScoped<ReportingReminders>();
        services.AddScoped<ReportingRetention>();
        services.AddScoped<IRoleChangeWatcher, ReferentAppointments>();
        services.AddSubject(ReportingCaseSubject.Instance);
        services.AddSubject(ReportingDeskSubject.Instance);
        services.AddNotificationKinds(ReportingNotifications.All);
        return services;
    }
}
