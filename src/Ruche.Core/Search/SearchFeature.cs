using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Ruche.Core.Search;

public static class SearchFeature
{
    /// <summary>The search engine; each feature registers the kinds it covers (its <see cref="ISearchSource"/>).</summary>
    public static IServiceCollection AddSearch(this IServiceCollection services)
    {
        services.AddSingleton<SearchIndexer>();
        services.AddSingleton<IInterceptor, SearchIndexInterceptor>();
        services.AddScoped<SearchService>();
        return services;
    }
}
