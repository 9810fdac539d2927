using Microsoft.Extensions.DependencyInjection;
using Ruche.Core.PersonalData;

namespace Ruche.Core.Audit;

public static class AuditFeature
{
    /// <summary>The append-only, hash-chained audit log.</summary>
    public static IServiceCollection AddAudit(this IServiceCollection services)
    {
        services.AddScoped<AuditLog>();
        services.AddScoped<AuditPruning>();
        services.AddScoped<IPersonalDataSource, AuditPersonalData>();
        return services;
    }
}
