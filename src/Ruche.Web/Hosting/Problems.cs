using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Ruche.Core.Common;

namespace Ruche.Web.Hosting;

/// <summary>
/// RFC 7807 problem details with a stable <c>type</c> per error: <c>urn:ruche:problem:{code}</c>. Clients
/// branch on the type; <c>detail</c> explains in English.
/// </summary>
public static class Problems
{
    public const string TypePrefix = "urn:ruche:problem:";

    public static int StatusOf(ErrorKind kind) => kind switch
    {
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status400BadRequest,
    };

    public static ProblemDetails For(int status, string code, string detail) => new()
    {
        Status = status,
        Type = TypePrefix + code,
        Title = code,
        Detail = detail,
    };

    public static async Task WriteAsync(HttpContext context, int status, string code, string detail)
    {
        context.Response.StatusCode = status;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = For(status, code, detail),
        });
    }
}

/// <summary>Maps refused use cases and malformed requests to problem details for programs; anything else stays a 500.</summary>
internal sealed class RucheExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, code, detail) = exception switch
        {
            RucheException refused => (Problems.StatusOf(refused.Kind), refused.Code, refused.Message),
            BadHttpRequestException bad => (bad.StatusCode, "request.malformed", bad.Message),
            _ => (0, string.Empty, string.Empty),
        };
        if (status == 0 || !ErrorPages.IsForMachines(context))
        {
            // Pages answer with the error page (ErrorPages); programs with problem details.
            return false;
        }

        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = Problems.For(status, code, detail),
            Exception = exception,
        });
    }
}
