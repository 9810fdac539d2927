using Microsoft.AspNetCore.Mvc;
using Ruche.Core.Common;
using Ruche.Web.Hosting;

namespace Ruche.Web.Design;

/// <summary>The theme switch: a plain form (it works without script); js/theme.js sends the same form with fetch.</summary>
public static class ThemeForms
{
    public static IEndpointRouteBuilder MapThemeForms(this IEndpointRouteBuilder app)
    {
        app.MapPost("/ui/theme", Choose).ExcludeFromDescription();
        return app;
    }

    private static Task<IResult> Choose([FromForm] ThemeForm form, HttpContext http) =>
        FormResults.RunAsync(http, form.ReturnUrl, () =>
        {
            var theme = form.Theme ?? string.Empty;
            if (!Theme.All.Contains(theme))
            {
                throw RucheException.Invalid("theme.unknown", "Choose light, dark or system.");
            }

            if (theme == Theme.System)
            {
                http.Response.Cookies.Delete(Theme.CookieName);
            }
            else
            {
                http.Response.Cookies.Append(Theme.CookieName, theme, new CookieOptions
                {
                    MaxAge = TimeSpan.FromDays(365), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps,
                });
            }

            return Task.FromResult<string?>(null);
        });
}

/// <summary>Fields of an HTML form; a field the browser leaves out binds as its default.</summary>
public sealed record ThemeForm
{
    public string? Theme { get; init; }

    public string? ReturnUrl { get; init; }
}
