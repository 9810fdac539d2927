using Ruche.Core.Push;
using Ruche.Web.Hosting;

namespace Ruche.Web.Push;

public static class PushHosting
{
    /// <summary>
    /// The host's share of push (ADR 23): the Web Push sender when VAPID keys are configured (or generated, outside
    /// production), the worker that sends, and whether plain-http loopback endpoints are accepted (tests, development).
    /// </summary>
    public static WebApplicationBuilder AddWebPush(this WebApplicationBuilder builder, RucheOptions options)
    {
        var services = builder.Services;
        var keys = VapidKeys.Resolve(builder.Configuration, builder.Environment, options.DemoData, options.DataDirFullPath, options.PublicUrl);
        if (keys is not null)
        {
            services.AddSingleton(keys);
            services.AddSingleton<WebPushSender>();
            services.AddSingleton<IPushSender>(provider => provider.GetRequiredService<WebPushSender>());
        }

        var loopback = builder.Configuration.GetValue("Push:AllowLoopbackEndpoints", false)
            && (builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment("Testing"));
        var hosts = builder.Configuration.GetSection("Push:ServiceHosts").Get<string[]>();
        services.Configure<PushSettingsOptions>(o =>
        {
            o.AllowLoopbackEndpoints = loopback;
            o.ServiceHosts = hosts is { Length: > 0 } ? hosts : PushRules.KnownServiceHosts;
        });
        if (builder.Configuration.GetValue("Push:Worker", true))
        {
            services.AddHostedService<PushWorker>();
        }

        return builder;
    }
}
