using Microsoft.Extensions.DependencyInjection;

namespace Ruche.Core.WorkTime;

public static class WorkTimeFeature
{
    /// <summary>The work calendar: weeks, hours, holidays and leave.</summary>
    public static IServiceCollection AddWorkTime(this IServiceCollection services)
    {
        services.AddScoped<WorkCalendar>();
        services.AddScoped<WorkScheduleService>();
        return services;
    }
}
