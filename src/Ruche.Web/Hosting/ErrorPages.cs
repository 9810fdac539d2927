using Microsoft.AspNetCore.Diagnostics;
using Ruche.Core.Common;
using Ruche.Web.Components;

namespace Ruche.Web.Hosting;

/// <summary>
/// What a failed request gets back. People get a page in the layout, in their language, with a way back; programs (the
/// API, SCIM, the live hub, health probes, calendar feeds) get problem details. Both answer a status without a body and an
/// exception no handler took, rendered in a fresh service scope (the failed request's own may be half used).
/// </summary>
public static class ErrorPages
{
    private static readonly PathString[] MachinePaths = ["/api", "/scim", "/hub", "/health", "/openapi", "/calendar", "/_framework"];

    /// <summary>
    /// Whether a program made this request, which gets problem details rather than a page: an address only programs
    /// read, a bearer token (browsers sign in with a cookie), or an Accept header that does not take HTML.
    /// </summary>
    public static bool IsForMachines(HttpContext context)
    {
        var request = context.Request;
        return MachinePaths.Any(prefix => request.Path.StartsWithSegments(prefix))
            || request.Headers.Authorization.Count > 0
            || (request.Headers.Accept.Count > 0 && !request.Headers.Accept.Any(accept => accept?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true));
    }

    public static WebApplication UseErrorPages(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = context => AnswerAsync(context, context.Response.StatusCode),

            // The failed page already used this request's services (its navigation state among them): render afresh.
            CreateScopeForErrors = true,
            StatusCodeSelector = StatusOf,

            // A refusal answered as "not found" is handled: the page says so.
            AllowStatusCode404Response = true,
        });
        app.UseStatusCodePages(async statusCode =>
        {
            var context = statusCode.HttpContext;
            var requestServices = context.RequestServices;
            await using var scope = requestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
            context.RequestServices = scope.ServiceProvider;
            try
            {
                await AnswerAsync(context, context.Response.StatusCode);
            }
            finally
            {
                context.RequestServices = requestServices;
            }
        });
        return app;
    }

    private static int StatusOf(Exception exception) => exception switch
    {
        RucheException refused => Problems.StatusOf(refused.Kind),
        BadHttpRequestException bad => bad.StatusCode,
        _ => StatusCodes.Status500InternalServerError,
    };

    private static (string Code, string Detail) ProblemOf(int status) => status switch
    {
        StatusCodes.Status400BadRequest => ("request.malformed", "The request could not be read."),
        StatusCodes.Status401Unauthorized => ("auth.required", "Sign in or send a valid access token."),
        StatusCodes.Status403Forbidden => ("request.forbidden", "This request is not allowed for you."),
        StatusCodes.Status404NotFound => ("request.not-found", "Nothing answers at this address."),
        StatusCodes.Status405MethodNotAllowed => ("request.method-not-allowed", "This address does not accept this method."),
        StatusCodes.Status415UnsupportedMediaType => ("request.unsupported-media-type", "Send the body as application/json."),
        StatusCodes.Status429TooManyRequests => ("rate-limited", "Too many requests; wait a minute."),
        >= 500 => ("server.error", "The server failed to answer; the error is logged with the request id."),
        _ => ("request.failed", "The request could not be answered."),
    };

    private static async Task AnswerAsync(HttpContext context, int status)
    {
        if (IsForMachines(context))
        {
            var (code, detail) = ProblemOf(status);
            await Problems.WriteAsync(context, status, code, detail);
            return;
        }

        await FormResults.Page<ErrorPage>(new { Status = status, RequestId = context.TraceIdentifier }, status).ExecuteAsync(context);
    }
}
