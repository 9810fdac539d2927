using Microsoft.AspNetCore.Identity;
using Ruche.Web.Auth;
using Ruche.Web.Scim;

namespace Ruche.Web.Hosting;

/// <summary>
/// The API (<c>/api</c>) and SCIM provisioning (<c>/scim</c>) are used by programs, which authenticate with a bearer
/// token and read errors as problem details or SCIM errors. What matches none of their endpoints (an unknown path, a
/// wrong method, an id that is not a number, a body that is not JSON) is judged by the fallback authorisation policy
/// with the default scheme, and answered by the status code pages: both must speak the client's language there too,
/// not redirect to the HTML sign-in page.
/// </summary>
public static class ProgramClients
{
    /// <summary>The default scheme: the API's bearer tokens under /api, SCIM's token under /scim, the cookie elsewhere.</summary>
    public const string ByPathScheme = "ByPath";

    public static bool IsApi(PathString path) => path.StartsWithSegments("/api");

    public static bool IsScim(PathString path) => path.StartsWithSegments("/scim");

    public static string SchemeFor(HttpContext http) =>
        IsApi(http.Request.Path) ? TokenAuthenticationHandler.SchemeName
        : IsScim(http.Request.Path) ? ScimAuthenticationHandler.SchemeName
        : IdentityConstants.ApplicationScheme;

    /// <summary>Error statuses without a body: problem details with a stable type for the API, a SCIM error for SCIM.</summary>
    public static StatusCodePagesOptions StatusCodePages()
    {
        var pages = new StatusCodePagesOptions().HandleAsync;
        return new StatusCodePagesOptions
        {
            HandleAsync = context =>
            {
                var http = context.HttpContext;
                var status = http.Response.StatusCode;
                var (code, detail) = Explain(status, http.Request);
                if (IsScim(http.Request.Path))
                {
                    return ScimResults.WriteErrorAsync(http, status, status == StatusCodes.Status400BadRequest ? "invalidSyntax" : null, detail);
                }

                return IsApi(http.Request.Path) ? Problems.WriteAsync(http, status, code, detail) : pages(context);
            },
        };
    }

    private static (string Code, string Detail) Explain(int status, HttpRequest request) => status switch
    {
        StatusCodes.Status404NotFound => ("request.not-found", $"Nothing answers {request.Path} (see /openapi/v1.json)."),
        StatusCodes.Status405MethodNotAllowed => ("request.method-not-allowed", $"{request.Path} does not answer {request.Method}."),
        StatusCodes.Status415UnsupportedMediaType => ("request.unsupported-media-type", "Send the body as application/json."),
        StatusCodes.Status400BadRequest => ("request.malformed", "The request is malformed."),
        _ => ("request.refused", $"The request was refused ({status})."),
    };
}
