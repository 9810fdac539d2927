using Microsoft.Extensions.DependencyInjection;

namespace Ruche.Core.Files;

public static class FilesFeature
{
    /// <summary>Uploaded files (the host chooses the store and binds <see cref="FileSettings"/>).</summary>
    public static IServiceCollection AddFiles(this IServiceCollection services)
    {
        services.AddSingleton<ImagePipeline>();
        services.AddScoped<FileService>();
        services.AddScoped<FileMover>();
        services.AddScoped<ImageReprocessing>();
        services.AddScoped<UnattachedFiles>();
        return services;
    }
}
