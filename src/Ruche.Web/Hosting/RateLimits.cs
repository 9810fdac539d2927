using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using Ruche.Web.Auth;

namespace Ruche.Web.Hosting;

/// <summary>
/// Request budgets: sign-in attempts per address (password guessing), and API calls per person (or per
/// address before sign-in). Over budget, the answer is 429 with Retry-After. Sizes are settings.
/// </summary>
public static class RateLimits
{
    public const string SignInPolicy = "sign-in";
    public const string ApiPolicy = "api";

    public static IServiceCollection AddRucheRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = configuration.GetSection("Ruche:RateLimits").Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            // Trusted only from the proxies named in KnownProxies/KnownNetworks (loopback by default).
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        });
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                if (context.HttpContext.Request.Path.StartsWithSegments("/ui"))
                {
                    // A person at a form gets the sign-in page back with the reason, not a JSON document.
                    context.HttpContext.Response.Redirect(FormResults.WithError("/login", "rate-limited"));
                    return;
                }

                await Problems.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, "rate-limited", "Too many requests; wait before trying again.");
            };
            limiter.AddPolicy(SignInPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                "address:" + AddressOf(context),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.SignInPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            limiter.AddPolicy(ApiPolicy, context => RateLimitPartition.GetTokenBucketLimiter(
                context.User.ToViewer() is { } viewer ? "person:" + viewer.PersonId.ToString(CultureInfo.InvariantCulture) : "address:" + AddressOf(context),
                _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = limits.ApiPerMinute,
                    TokensPerPeriod = limits.ApiPerMinute,
                    ReplenishmentPeriod = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
        });
        return services;
    }

    private static string AddressOf(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}

/// <summary>Ruche:RateLimits in configuration.</summary>
public sealed class RateLimitOptions
{
    public int SignInPerMinute { get; set; } = 10;

    public int ApiPerMinute { get; set; } = 600;
}
