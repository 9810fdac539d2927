using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Ruche.Web.Components;
using Ruche.Core.Common;

namespace Ruche.Web.Hosting;

/// <summary>
/// HTML forms post to small endpoints that call the same feature services as the API, then redirect back
/// (post/redirect/get). A refused button or one-field form comes back as <c>?error=code</c>, shown translated by the
/// page; a refused form with several fields is answered with its page again (<see cref="RunOrRefillAsync{TPage}"/>),
/// filled with what was typed, since a redirect would lose it.
/// </summary>
public static class FormResults
{
    public static async Task<IResult> RunAsync(HttpContext http, string? returnUrl, Func<Task<string?>> action)
    {
        try
        {
            var target = await action();
            return Results.LocalRedirect(Safe(target ?? returnUrl));
        }
        catch (RucheException refused)
        {
            return Results.LocalRedirect(WithError(Safe(returnUrl), refused.Code));
        }
    }

    /// <summary>
    /// For forms whose answer must not travel in a URL (a new secret, recovery codes): renders
    /// <typeparamref name="TPage"/> with what <paramref name="action"/> returns, or goes back to
    /// <paramref name="errorUrl"/> with the reason it was refused.
    /// </summary>
    public static async Task<IResult> RenderAsync<TPage>(string errorUrl, Func<Task<object>> action)
        where TPage : Microsoft.AspNetCore.Components.IComponent
    {
        try
        {
            return Page<TPage>(await action());
        }
        catch (RucheException refused)
        {
            return Results.LocalRedirect(WithError(errorUrl, refused.Code));
        }
    }

    /// <summary>
    /// For forms with several fields: goes where <paramref name="action"/> says, or, refused, answers with
    /// <typeparamref name="TPage"/> again, given <paramref name="typed"/> (what was sent) and showing why, so nothing
    /// typed is lost. The form page takes what was sent as its parameters.
    /// </summary>
    public static async Task<IResult> RunOrRefillAsync<TPage>(object typed, Func<Task<string>> action)
        where TPage : Microsoft.AspNetCore.Components.IComponent
    {
        try
        {
            return Results.LocalRedirect(Safe(await action()));
        }
        catch (RucheException refused)
        {
            return Page<TPage>(typed, Problems.StatusOf(refused.Kind), refused.Code);
        }
    }

    /// <summary>
    /// Answers a form with <typeparamref name="TPage"/> in the app's document (layout, stylesheet, language), with
    /// <paramref name="status"/>; <paramref name="error"/> is the code of a refusal, shown where <c>?error=</c> would be.
    /// </summary>
    public static IResult Page<TPage>(object parameters, int status = StatusCodes.Status200OK, string? error = null)
        where TPage : Microsoft.AspNetCore.Components.IComponent =>
        new RazorComponentResult<FormAnswerPage>(new Dictionary<string, object?>
        {
            [nameof(FormAnswerPage.Page)] = typeof(TPage),
            [nameof(FormAnswerPage.Parameters)] = new RouteValueDictionary(parameters),
            [nameof(FormAnswerPage.Error)] = error,
        })
        {
            StatusCode = status,

            // The whole page at once, its title included, even when the layout waits on the database.
            PreventStreamingRendering = true,
        };

    public static string WithError(string url, string code)
    {
        var fragmentAt = url.IndexOf('#', StringComparison.Ordinal);
        var path = fragmentAt < 0 ? url : url[..fragmentAt];
        return QueryHelpers.AddQueryString(path, "error", code);
    }

    /// <summary>
    /// Only local paths: a form never sends anyone to another site. A control character (a tab, CR, LF) makes a path
    /// unsafe too, as it does for the redirect itself (which threw, answering 500): browsers drop tabs and newlines, so
    /// "/\t/evil.example" would lead away.
    /// </summary>
    public static string Safe(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            && !url.Any(char.IsControl)
            ? url
            : "/";
}
