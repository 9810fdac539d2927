using Microsoft.AspNetCore.Authorization;
using Ruche.Core.Access;

namespace Ruche.Web.Auth;

/// <summary>
/// The scope an API call needs, read off the endpoint itself (its route and HTTP method), never declared endpoint by
/// endpoint: GET and HEAD need "read", every other method "write", and routes under /api/v1/admin also "admin".
/// Part of the API and files policies, so every bearer call is checked; a cookie session has no scope claims and is
/// not limited by them.
/// </summary>
public sealed class TokenScopeRequirement : IAuthorizationRequirement;

public sealed class TokenScopeHandler : AuthorizationHandler<TokenScopeRequirement, HttpContext>
{
    public const string ScopeClaim = "scope";

    /// <summary>Where a refusal leaves the missing scopes, for the forbidden answer to name them.</summary>
    public const string MissingScopesItem = "ruche.missing-scopes";

    public static TokenScopes Needed(HttpContext http)
    {
        var method = http.Request.Method;
        var needed = HttpMethods.IsGet(method) || HttpMethods.IsHead(method) ? TokenScopes.Read : TokenScopes.Write;
        var route = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? http.Request.Path.Value ?? string.Empty;
        return route.StartsWith("/api/v1/admin", StringComparison.OrdinalIgnoreCase) ? needed | TokenScopes.Admin : needed;
    }

    /// <summary>The scopes a principal's token grants; null when it carries none (a cookie session or an unrestricted token).</summary>
    public static TokenScopes? Granted(System.Security.Claims.ClaimsPrincipal user)
    {
        var claims = user.FindAll(ScopeClaim).Select(c => c.Value).ToList();
        return claims.Count == 0 ? null : TokenScopeNames.Parse(claims);
    }

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, TokenScopeRequirement requirement, HttpContext resource)
    {
        var needed = Needed(resource);
        if (Granted(context.User) is not { } granted || (needed & ~granted) == TokenScopes.None)
        {
            context.Succeed(requirement);
        }
        else
        {
            resource.Items[MissingScopesItem] = string.Join(' ', TokenScopeNames.Names(needed & ~granted));
        }

        return Task.CompletedTask;
    }
}
