using Microsoft.Extensions.DependencyInjection;
using Ruche.Core.Ballots;
using Ruche.Core.Notifications;
using Ruche.Core.PersonalData;
using Ruche.Core.Subjects;

namespace Ruche.Core.Surveys;

public static class SurveysFeature
{
    /// <summary>Anonymous pulse surveys: HR's services, answering through the ballot box, and suppression-safe results.</summary>
    public static IServiceCollection AddSurveys(this IServiceCollection services)
    {
        services.AddScoped<SurveyService>();
        services.AddScoped<SurveyAnswering>();
        services.AddScoped<SurveyReader>();
        services.AddScoped<SurveyResultsReader>();
        services.AddScoped<SurveyReplies>();
        services.AddScoped<SurveyReminders>();
        services.AddSubject(SurveyReminderSubject.Instance);
        services.AddNotificationKinds(SurveyNotifications.All);
        services.AddScoped<IBallotCounter, SurveyBallotCounter>();
        services.AddScoped<IPersonalDataSource, SurveysPersonalData>();
        return services;
    }
}
