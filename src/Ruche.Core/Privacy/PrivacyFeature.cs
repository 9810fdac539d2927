using Microsoft.Extensions.DependencyInjection;

namespace Ruche.Core.Privacy;

public static class PrivacyFeature
{
    /// <summary>Export, "who sees what", erasure and retention (the host runs the retention worker).</summary>
    public static IServiceCollection AddPrivacy(this IServiceCollection services)
    {
        services.AddScoped<PersonalDataExport>();
        services.AddScoped<WhoSeesWhat>();
        services.AddScoped<PersonErasure>();
        services.AddScoped<RetentionService>();
        return services;
    }
}
