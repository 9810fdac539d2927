using Microsoft.Extensions.DependencyInjection;
using Ruche.Core.Influence;
using Ruche.Core.Notifications;
using Ruche.Core.PersonalData;
using Ruche.Core.Subjects;

namespace Ruche.Core.Recognition;

public static class RecognitionFeature
{
    /// <summary>Kudos, company values, badges, questions and helpful answers: kudos as a subject, their notification kind, export and disclosure.</summary>
    public static IServiceCollection AddRecognition(this IServiceCollection services)
    {
        services.AddScoped<CompanyValueService>();
        services.AddScoped<KudosService>();
        services.AddScoped<KudosReader>();
        services.AddScoped<KudosStatistics>();
        services.AddScoped<RecognitionPreferences>();
        services.AddScoped<BadgeAwarder>();
        services.AddScoped<QuestionService>();
        services.AddScoped<QuestionReader>();
        services.AddSubject(KudosSubject.Instance);
        services.AddNotificationKinds(RecognitionNotifications.All);
        services.AddScoped<IDisclosureSource, RecognitionDisclosure>();
        services.AddScoped<IPersonalDataSource, RecognitionPersonalData>();
        services.AddInteractionSource<KudosInteractions>();
        services.AddInteractionSource<HelpfulInteractions>();
        return services;
    }
}
