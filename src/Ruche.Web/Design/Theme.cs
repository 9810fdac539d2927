using Microsoft.AspNetCore.Http;

namespace Ruche.Web.Design;

/// <summary>
/// The reader's colour theme: light, dark, or the system's (<c>prefers-color-scheme</c>), kept in a cookie on this
/// browser. The server writes it as <c>data-theme</c> on <c>&lt;html&gt;</c>, so the first paint is already right.
/// </summary>
public static class Theme
{
    public const string CookieName = "ruche-theme";

    public const string Light = "light";

    public const string Dark = "dark";

    public const string System = "system";

    public static readonly IReadOnlyList<string> All = [Light, Dark, System];

    /// <summary>The theme chosen on this browser; <see cref="System"/> when none is (or the cookie holds anything else).</summary>
    public static string Of(HttpContext? http) =>
        http?.Request.Cookies[CookieName] is Light or Dark ? http.Request.Cookies[CookieName]! : System;

    /// <summary>The <c>data-theme</c> attribute: none for the system's theme, so the stylesheet's media query decides.</summary>
    public static string? AttributeOf(HttpContext? http) => Of(http) is var theme && theme != System ? theme : null;
}
