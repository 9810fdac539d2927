using Microsoft.Extensions.DependencyInjection;

namespace Ruche.Core.Influence;

public static class InteractionSourceRegistration
{
    /// <summary>Adds a feature's interaction source to the influence graph (call it from the feature's <c>Add…()</c>).</summary>
    public static IServiceCollection AddInteractionSource<TSource>(this IServiceCollection services)
        where TSource : class, IInteractionSource
    {
        services.AddSingleton<IInteractionSource, TSource>();
        return services;
    }
}
