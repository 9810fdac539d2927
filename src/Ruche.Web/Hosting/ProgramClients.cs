using Microsoft.AspNetCore.Identity;
using Ruche.Web.Auth;
using Ruche.Web.Scim;

namespace Ruche.Web.Hosting;

/// <summary>
/// The API (<c>/api</c>) and SCIM provisioning (<c>/scim</c>) are used by programs, which authenticate with a bearer
/// token and read errors as problem details or SCIM errors. What matches none of their endpoints (an unknown path, a
/// wrong method, an id that is not a number, a body that is not JSON) is judged by the fallback authorisation policy
/// with the default scheme, and answered by the error pages (<see cref="ErrorPages"/>): both must speak the client's
/// language there too, not redirect to the HTML sign-in page.
/// </summary>
public static class ProgramClients
{
    /// <summary>The default scheme: the API's bearer tokens under /api, SCIM's token under /scim, nobody on the reporting channel's public routes, the cookie elsewhere.</summary>
    public const string ByPathScheme = "ByPath";

    public static bool IsApi(PathString path) => path.StartsWithSegments("/api");

    public static bool IsScim(PathString path) => path.StartsWithSegments("/scim");

    public static string SchemeFor(HttpContext http) =>
        IsApi(http.Request.Path) ? TokenAuthenticationHandler.SchemeName
        : IsScim(http.Request.Path) ? ScimAuthenticationHandler.SchemeName
        : Reporting.PublicChannel.IsPublic(http.Request.Path) ? Reporting.PublicChannel.SchemeName
        : IdentityConstants.ApplicationScheme;

    /// <summary>A stable problem type and an English explanation for an error status a program gets without a body.</summary>
    public static (string Code, string Detail) Explain(int status, HttpRequest request) => status switch
    {
        StatusCodes.Status400BadRequest => ("request.malformed", "The request is malformed."),
        StatusCodes.Status401Unauthorized => ("auth.required", "Sign in or send a valid access token."),
        StatusCodes.Status403Forbidden => ("request.forbidden", "This request is not allowed for you."),
        StatusCodes.Status404NotFound => ("request.not-found", $"Nothing answers {request.Path} (see /openapi/v1.json)."),
        StatusCodes.Status405MethodNotAllowed => ("request.method-not-allowed", $"{request.Path} does not answer {request.Method}."),
        StatusCodes.Status415UnsupportedMediaType => ("request.unsupported-media-type", "Send the body as application/json."),
        StatusCodes.Status429TooManyRequests => ("rate-limited", "Too many requests; wait a minute."),
        >= 500 => ("server.error", "The server failed to answer; the error is logged with the request id."),
        _ => ("request.refused", $"The request was refused ({status})."),
    };
}
