using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Ruche.Web.Hosting;

/// <summary>
/// <c>/health</c>: the process runs and reaches its database (liveness, for restarts). <c>/health/ready</c>: the node
/// may receive traffic — schema current, not shutting down (readiness, for the load balancer). Both are public.
/// </summary>
public static class HealthEndpoints
{
    public const string HealthTag = "health";
    public const string ReadyTag = "ready";

    public static IEndpointRouteBuilder MapRucheHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = check => check.Tags.Contains(HealthTag) }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) }).AllowAnonymous();
        return app;
    }
}
