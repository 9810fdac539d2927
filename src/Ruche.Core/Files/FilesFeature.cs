using Microsoft.Extensions.DependencyInjection;

namespace Ruche.Core.Files;

public static class FilesFeature
{
    /// <summary>Uploaded files (the host chooses the store).</summary>
    public static IServiceCollection AddFiles(this IServiceCollection services)
    {
        services.AddScoped<FileService>();
        return services;
    }
}
