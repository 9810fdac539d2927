using Microsoft.AspNetCore.Diagnostics;
using Ruche.Core.Common;
using Ruche.Web.Components;
using Ruche.Web.Scim;

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

    private static async Task AnswerAsync(HttpContext context, int status)
    {
        if (ProgramClients.IsScim(context.Request.Path))
        {
            var (_, explained) = ProgramClients.Explain(status, context.Request);
            await ScimResults.WriteErrorAsync(context, status, status == StatusCodes.Status400BadRequest ? "invalidSyntax" : null, explained);
            return;
        }

        if (IsForMachines(context))
        {
            var (code, detail) = ProgramClients.Explain(status, context.Request);
            await Problems.WriteAsync(context, status, code, detail);
            return;
        }

        // A page that refused to show its subject (404) set this header before rendering nothing; the error page sets it again.
        context.Response.Headers.Remove("blazor-enhanced-nav");
        await FormResults.Page<ErrorPage>(new { Status = status, RequestId = context.TraceIdentifier }, status).ExecuteAsync(context);
    }
}
