using Microsoft.Extensions.DependencyInjection;

namespace Ruche.Core.Subjects;

public static class SubjectRegistration
{
    /// <summary>Registers a feature's subject kind, so notifications, live messages and the authorisation matrix cover it.</summary>
    public static IServiceCollection AddSubject(this IServiceCollection services, ISubjectKind kind)
    {
        services.AddSingleton(kind);
        return services;
    }
}
