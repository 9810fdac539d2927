using Ruche.Core.Wiki;

namespace Ruche.Web.Wiki;

public static class WikiWeb
{
    /// <summary>Co-written pages (<see cref="WikiFeature.AddWiki"/>) and the host's writer of their feed entries.</summary>
    public static IServiceCollection AddWikiPages(this IServiceCollection services)
    {
        services.AddWiki();
        services.AddScoped<IWikiFeedWriter, WikiFeedWriter>();
        return services;
    }
}
