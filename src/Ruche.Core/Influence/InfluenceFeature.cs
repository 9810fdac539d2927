using Microsoft.Extensions.DependencyInjection;
using Ruche.Core.PersonalData;

namespace Ruche.Core.Influence;

public static class InfluenceFeature
{
    /// <summary>The influence graph: its computation, reads, the person's choices, export and disclosure (sources come from each feature's own <c>Add…()</c>).</summary>
    public static IServiceCollection AddInfluence(this IServiceCollection services)
    {
        services.AddScoped<InfluenceComputation>();
        services.AddScoped<InfluenceReader>();
        services.AddScoped<InfluencePreferences>();
        services.AddScoped<IPersonalDataSource, InfluencePersonalData>();
        services.AddScoped<IDisclosureSource, InfluenceDisclosure>();
        return services;
    }
}
