using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.People;

namespace Ruche.Web.Auth;

/// <summary>Who must use two-factor authentication (Ruche:Security:RequireTwoFactor).</summary>
public enum TwoFactorPolicy
{
    None,

    /// <summary>Everyone holding a role beyond "employee" (administrators, HR, direction, delegates, representatives).</summary>
    Privileged,

    Everyone,
}

/// <summary>
/// Enforces the company's two-factor policy: a person it covers who has not turned 2FA on, and did not open this
/// session with a passkey (itself two factors), is sent to set one up before any other page, and gets no API token
/// from a password.
/// </summary>
public static class TwoFactorRequirement
{
    private static readonly PathString[] AllowedPaths = ["/settings/two-factor", "/ui/settings/two-factor", "/settings/passkeys", "/ui/settings/passkeys", "/ui/logout", "/login", "/_framework", "/css", "/js", "/lib", "/icons", "/sw.js", "/manifest.webmanifest", "/offline.html", "/health"];

    public static bool Covers(TwoFactorPolicy policy, IEnumerable<string> roles) => policy switch
    {
        TwoFactorPolicy.Everyone => true,
        TwoFactorPolicy.Privileged => roles.Any(r => r != RoleNames.Employee),
        _ => false,
    };

    public static TwoFactorPolicy PolicyOf(IConfiguration configuration) =>
        configuration.GetValue("Ruche:Security:RequireTwoFactor", TwoFactorPolicy.None);

    public static IApplicationBuilder UseTwoFactorRequirement(this IApplicationBuilder app, TwoFactorPolicy policy) =>
        policy == TwoFactorPolicy.None ? app : app.Use(async (context, next) =>
        {
            var path = context.Request.Path;
            if (context.User.ToViewer() is { } viewer
                && !path.StartsWithSegments("/api")
                && !path.StartsWithSegments("/hub")
                && !AllowedPaths.Any(p => path.StartsWithSegments(p))
                && Covers(policy, viewer.Roles)
                && !context.User.IsMultiFactor()
                && !await EnabledAsync(context, viewer))
            {
                context.Response.Redirect("/settings/two-factor?error=two-factor.required");
                return;
            }

            await next(context);
        });

    private static Task<bool> EnabledAsync(HttpContext context, Viewer viewer) =>
        context.RequestServices.GetRequiredService<RucheDbContext>().People
            .Where(p => p.Id == viewer.PersonId).Select(p => p.TwoFactorEnabled).SingleOrDefaultAsync(context.RequestAborted);
}
