using Microsoft.Extensions.DependencyInjection;
using Ruche.Core.Notifications;
using Ruche.Core.PersonalData;
using Ruche.Core.Subjects;

namespace Ruche.Core.Moderation;

public static class ModerationFeature
{
    /// <summary>Reports, the moderators' queue and their decisions: the services, the decision subject and its notification kind.</summary>
    public static IServiceCollection AddModeration(this IServiceCollection services)
    {
        services.AddScoped<ReportService>();
        services.AddScoped<OpenReports>();
        services.AddScoped<HiddenContent>();
        services.AddScoped<ModerationService>();
        services.AddSubject(ModerationDecisionSubject.Instance);
        services.AddNotificationKinds(ModerationNotifications.All);
        services.AddScoped<IPersonalDataSource, ModerationPersonalData>();
        return services;
    }
}
