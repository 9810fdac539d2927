using Ruche.Core.Common;

namespace Ruche.Web.Scim;

/// <summary>
/// SCIM 2.0 provisioning at /scim/v2 (RFC 7644) for a company directory (Entra ID, Okta, Keycloak…): Users are
/// people (userName is the e-mail), Groups are departments (ADR 0009). Deleting a user deactivates them: what they
/// wrote stays theirs until an administrator erases them, while to the directory the user is gone.
/// </summary>
public static class ScimApi
{
    public const string BasePath = "/scim/v2";

    public static IEndpointRouteBuilder MapScimApi(this IEndpointRouteBuilder app)
    {
        var scim = app.MapGroup(BasePath).RequireAuthorization(ScimAuthenticationHandler.Policy).ExcludeFromDescription();
        scim.MapGet("/ServiceProviderConfig", () => ScimResults.Json(ScimDiscovery.ServiceProviderConfig()));
        scim.MapGet("/ResourceTypes", (HttpContext http) => ScimResults.Json(ScimDiscovery.ResourceTypes(BaseUrl(http))));
        scim.MapGet("/ResourceTypes/{id}", (string id, HttpContext http) => RunAsync(() => Task.FromResult(
            ScimDiscovery.ResourceType(id, BaseUrl(http)) is { } type ? ScimResults.Json(type) : throw NotFound("resource type"))));
        scim.MapGet("/Schemas", (HttpContext http) => ScimResults.Json(ScimDiscovery.Schemas(BaseUrl(http))));
        scim.MapGet("/Schemas/{id}", (string id, HttpContext http) => RunAsync(() => Task.FromResult(
            ScimDiscovery.Schema(id, BaseUrl(http)) is { } schema ? ScimResults.Json(schema) : throw NotFound("schema"))));
        scim.MapUsers();
        scim.MapGroups();
        return app;
    }

    internal static async Task<IResult> RunAsync(Func<Task<IResult>> action)
    {
        try
        {
            return await action();
        }
        catch (ScimException refused)
        {
            return ScimResults.Error(refused.Status, refused.ScimType, refused.Message);
        }
        catch (RucheException refused)
        {
            return ScimResults.From(refused);
        }
    }

    internal static string BaseUrl(HttpContext http) =>
        http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Hosting.RucheOptions>>().Value.Link(BasePath);

    /// <summary>If-Match (RFC 7644 §3.14): a change to a resource that changed since the directory read it is refused.</summary>
    internal static void CheckVersion(HttpContext http, System.Text.Json.Nodes.JsonObject current)
    {
        var expected = http.Request.Headers.IfMatch.ToString();
        if (expected.Length > 0 && expected.Trim() != "*" && !expected.Split(',').Select(e => e.Trim()).Contains((string?)current["meta"]!["version"]))
        {
            throw new ScimException(StatusCodes.Status412PreconditionFailed, null, "The resource changed since this version: read it again.");
        }
    }

    /// <summary>If-None-Match on a read: the directory's copy is current.</summary>
    internal static bool NotModified(HttpContext http, System.Text.Json.Nodes.JsonObject current) =>
        http.Request.Headers.IfNoneMatch.ToString().Split(',').Select(e => e.Trim()).Contains((string?)current["meta"]!["version"]);

    internal static ScimException NotFound(string what) => new(StatusCodes.Status404NotFound, null, $"scim.{what.Replace(' ', '-')}-not-found: No such {what}.");
}
