using Microsoft.Extensions.DependencyInjection;
using Ruche.Core.Notifications;
using Ruche.Core.PersonalData;
using Ruche.Core.Search;
using Ruche.Core.Subjects;

namespace Ruche.Core.Goals;

public static class GoalsFeature
{
    /// <summary>The daily goals routine: its services, the own-goals subject and its notification kinds, search source and disclosure (the host runs the reminder worker).</summary>
    public static IServiceCollection AddGoals(this IServiceCollection services)
    {
        services.AddScoped<GoalListLoader>();
        services.AddScoped<GoalsLive>();
        services.AddScoped<DailyGoalsService>();
        services.AddScoped<GoalSuggestionService>();
        services.AddScoped<TeamBoardService>();
        services.AddScoped<GoalHistoryService>();
        services.AddScoped<TeamGoalSettingsService>();
        services.AddScoped<GoalReminderService>();
        services.AddScoped<WeeklyRecapService>();
        services.AddSubject(OwnGoalsSubject.Instance);
        services.AddNotificationKinds(GoalNotifications.All);
        services.AddSingleton<ISearchSource, GoalSearchSource>();
        services.AddScoped<IDisclosureSource, GoalsDisclosure>();
        services.AddScoped<IPersonalDataSource, GoalsPersonalData>();
        return services;
    }
}
