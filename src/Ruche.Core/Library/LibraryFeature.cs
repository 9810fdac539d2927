using Microsoft.Extensions.DependencyInjection;
using Ruche.Core.Files;
using Ruche.Core.PersonalData;
using Ruche.Core.Search;

namespace Ruche.Core.Library;

public static class LibraryFeature
{
    /// <summary>Spaces' file libraries and photo galleries: services, attached files, search source, export and disclosure.</summary>
    public static IServiceCollection AddLibrary(this IServiceCollection services)
    {
        services.AddScoped<LibraryService>();
        services.AddScoped<LibraryReader>();
        services.AddScoped<GalleryReader>();
        services.AddSingleton<IFileAttachments, LibraryAttachments>();
        services.AddSingleton<ISearchSource, LibrarySearchSource>();
        services.AddScoped<IDisclosureSource, LibraryDisclosure>();
        services.AddScoped<IPersonalDataSource, LibraryPersonalData>();
        return services;
    }
}
