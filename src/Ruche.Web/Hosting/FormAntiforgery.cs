using Microsoft.AspNetCore.Antiforgery;

namespace Ruche.Web.Hosting;

/// <summary>
/// Every form post checks its antiforgery token, also a button that reads no field: minimal APIs check the token only
/// when they bind a <c>[FromForm]</c> parameter, so a form without one would accept a post from another site's page.
/// A missing or wrong token is answered as a malformed request (400), as binding answers it.
/// </summary>
public static class FormAntiforgery
{
    public static async ValueTask<object?> Filter(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method)
            && !await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http))
        {
            throw new BadHttpRequestException("The form's antiforgery token is missing or invalid.", StatusCodes.Status400BadRequest);
        }

        return await next(context);
    }
}
