using Microsoft.Extensions.DependencyInjection;
using Ruche.Core.PersonalData;

namespace Ruche.Core.Access;

public static class AccessFeature
{
    /// <summary>Accounts, sign-in factors, tokens and directory provisioning, and the security disclosure.</summary>
    public static IServiceCollection AddAccess(this IServiceCollection services)
    {
        services.AddScoped<AccessTokenService>();
        services.AddScoped<AccountService>();
        services.AddScoped<TwoFactorService>();
        services.AddScoped<PasskeyService>();
        services.AddScoped<DirectoryProvisioning>();
        services.AddScoped<PeopleAdministration>();
        services.AddScoped<IDisclosureSource, SecurityDisclosure>();
        services.AddScoped<IPersonalDataSource, AccessPersonalData>();
        return services;
    }
}
