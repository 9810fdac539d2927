using Microsoft.Extensions.DependencyInjection;

namespace Ruche.Core.Content;

public static class ContentFeature
{
    /// <summary>Markdown rendering and sanitising.</summary>
    public static IServiceCollection AddContent(this IServiceCollection services)
    {
        services.AddSingleton<MarkdownContent>();
        services.AddScoped<ContentRenderer>();
        return services;
    }
}
