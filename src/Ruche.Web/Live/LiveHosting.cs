using Ruche.Core.Live;

namespace Ruche.Web.Live;

public static class LiveHosting
{
    /// <summary>
    /// SignalR, with the Redis backplane when <c>ConnectionStrings:Redis</c> (or <c>Ruche:Redis</c>) is set: then a
    /// message sent on one node reaches the connections of every node. Several Ruche deployments sharing one Redis
    /// keep apart with <c>channelPrefix=…</c> in the connection string.
    /// </summary>
    public static IServiceCollection AddRucheLive(this IServiceCollection services, IConfiguration configuration, bool cluster)
    {
        var signalR = services.AddSignalR();
        if (RedisConfiguration(configuration) is { } redis)
        {
            signalR.AddStackExchangeRedis(redis);
        }
        else if (cluster)
        {
            throw new InvalidOperationException("Ruche:Cluster needs ConnectionStrings:Redis: without the backplane, live updates stay on the node that made them.");
        }

        services.AddSingleton<ILiveChannel, HubLiveChannel>();
        services.AddSingleton<LiveSessions>();
        services.AddHostedService(provider => provider.GetRequiredService<LiveSessions>());
        return services;
    }

    public static string? RedisConfiguration(IConfiguration configuration)
    {
        var value = configuration.GetConnectionString("Redis");
        if (string.IsNullOrWhiteSpace(value))
        {
            value = configuration["Ruche:Redis"];
        }

        return string.IsNullOrWhiteSpace(value) ? null : value;
    }

    public static IEndpointRouteBuilder MapRucheLive(this IEndpointRouteBuilder app)
    {
        // A connection ends when its sign-in does, instead of outliving it for as long as the socket stays open.
        app.MapHub<RucheHub>("/hub", hub => hub.CloseOnAuthenticationExpiration = true);
        return app;
    }
}
