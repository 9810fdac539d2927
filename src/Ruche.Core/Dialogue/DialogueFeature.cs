using Microsoft.Extensions.DependencyInjection;
using Ruche.Core.Notifications;
using Ruche.Core.PersonalData;
using Ruche.Core.Subjects;

namespace Ruche.Core.Dialogue;

public static class DialogueFeature
{
    /// <summary>
    /// Unions, the company agreement, broadcasts with each employee's consent and private questions to the delegates:
    /// their services, their two subjects and notification kinds, the export and the disclosure. No search source:
    /// broadcasts are read on the union's pages and questions must not be findable by anyone else.
    /// </summary>
    public static IServiceCollection AddDialogue(this IServiceCollection services)
    {
        services.AddScoped<AgreementService>();
        services.AddScoped<UnionService>();
        services.AddSingleton<Files.IFileAttachments, UnionLogoAttachments>();
        services.AddScoped<BroadcastService>();
        services.AddScoped<BroadcastChoices>();
        services.AddScoped<UnionPolls>();
        services.AddScoped<UnionQuestionService>();
        services.AddScoped<TakedownService>();
        services.AddSubject(UnionBroadcastSubject.Instance);
        services.AddSubject(UnionQuestionSubject.Instance);
        services.AddSubject(UnionTakedownSubject.Instance);
        services.AddNotificationKinds(DialogueNotifications.All);
        services.AddScoped<IPersonalDataSource, DialoguePersonalData>();
        services.AddScoped<IDisclosureSource, DialogueDisclosure>();
        return services;
    }
}
