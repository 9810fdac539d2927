using Microsoft.AspNetCore.Components;
using Ruche.Core.Common;

namespace Ruche.Web.Components;

/// <summary>
/// What every signed-in page needs: the reader, where its forms return to, and one way to turn a refused
/// read into a 404/403 page instead of an exception.
/// </summary>
public abstract class PageBase : ComponentBase
{
    [Inject]
    protected CurrentViewer Current { get; set; } = default!;

    [Inject]
    protected NavigationManager Navigation { get; set; } = default!;

    protected Reader Reader { get; private set; } = default!;

    protected RucheException? Refusal { get; private set; }

    /// <summary>This page's own address (path and query, without a previous error), for forms to come back to.</summary>
    protected string Here
    {
        get
        {
            var relative = "/" + Navigation.ToBaseRelativePath(Navigation.Uri);
            var uri = new Uri("http://x" + relative);
            var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(uri.Query)
                .Where(q => q.Key is not ("error" or "saved" or "edit" or "share"));
            return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(uri.AbsolutePath, query);
        }
    }

    /// <summary>
    /// A switch in the address (<c>?edit=1</c>, <c>?verify=true</c>): on for 1, true or on, off for anything else. Pages
    /// read switches as text through this, never as bool, which answers 500 to <c>?edit=1</c> and to a mistyped link.
    /// </summary>
    protected static bool IsOn(string? flag) =>
        flag is not null && (flag == "1" || flag.Equals("true", StringComparison.OrdinalIgnoreCase) || flag.Equals("on", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// An id in the address (<c>?space=12</c>): the number, or null for anything else. Pages read ids as text through
    /// this, never as <c>long?</c>, which answers 500 to <c>?space=abc</c>.
    /// </summary>
    protected static long? IdFrom(string? text) =>
        long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;

    protected sealed override async Task OnParametersSetAsync()
    {
        Reader = await Current.GetAsync();
        try
        {
            Refusal = null;
            await LoadAsync();
        }
        catch (RucheException refused)
        {
            Refusal = refused;
        }
    }

    protected abstract Task LoadAsync();
}
