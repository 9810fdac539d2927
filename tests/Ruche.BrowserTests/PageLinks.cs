using System.Text.RegularExpressions;

namespace Ruche.BrowserTests;

/// <summary>The addresses of the pages the crawler and the screenshots look for among a page's links.</summary>
internal static partial class PageLinks
{
    [GeneratedRegex(@"^/people/[^/]+$")]
    public static partial Regex Profile();

    [GeneratedRegex(@"^/posts/\d+$")]
    public static partial Regex Post();

    [GeneratedRegex(@"^/spaces/\d+$")]
    public static partial Regex Space();

    [GeneratedRegex(@"^/spaces/\d+/goals$")]
    public static partial Regex Board();

    [GeneratedRegex(@"^/events/\d+$")]
    public static partial Regex Event();
}
