using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;
using Ruche.Web.Localization;

namespace Ruche.BrowserTests;

/// <summary>
/// Finds UI texts that did not become words: a resource key shown as is (a missing key renders as its own name),
/// and, on an English page, a French text of the UI (a string written in a page instead of the resources).
/// </summary>
public static partial class UiTextChecks
{
    // The keys of every feature's Texts.resx, as the app itself reads them.
    private static readonly FrozenSet<string> Keys = UiTexts.Keys.Keys.ToFrozenSet(StringComparer.Ordinal);

    // "error", "search", "nav"…: a key-shaped token starting with one of them is a key, even one missing from the resources.
    private static readonly FrozenSet<string> KeyFamilies = Keys.Where(key => key.Contains('.', StringComparison.Ordinal)).Select(key => key[..key.IndexOf('.', StringComparison.Ordinal)])
        .ToFrozenSet(StringComparer.Ordinal);

    // Key-shaped tokens that are something else: file names and host names end so.
    private static readonly FrozenSet<string> NotKeyEndings = new[]
    {
        "png", "jpg", "jpeg", "gif", "webp", "svg", "pdf", "ics", "csv", "txt", "md", "json", "xml", "zip", "doc", "docx",
        "xls", "xlsx", "ppt", "pptx", "odt", "ods", "log", "html", "js", "css", "com", "fr", "org", "net", "io", "local", "dev",
    }.ToFrozenSet(StringComparer.Ordinal);

    // A lowercase token with at least one dot, not glued to a word, an address or a path on either side.
    [GeneratedRegex(@"(?<![\p{L}\p{N}@._/:#-])[a-z][a-z0-9-]*(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)+(?![\p{L}\p{N}@/_-]|\.[\p{L}\p{N}])")]
    private static partial Regex KeyShaped();

    /// <summary>The resource keys visible in a page's text.</summary>
    public static IEnumerable<string> RawKeys(string text) =>
        KeyShaped().Matches(text).Select(match => match.Value).Where(LooksLikeKey).Distinct(StringComparer.Ordinal);

    private static bool LooksLikeKey(string token)
    {
        if (Keys.Contains(token))
        {
            return true;
        }

        var family = token[..token.IndexOf('.', StringComparison.Ordinal)];
        var ending = token[(token.LastIndexOf('.') + 1)..];
        return KeyFamilies.Contains(family) && !NotKeyEndings.Contains(ending);
    }

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    // The French UI texts no English text reads the same (French "Agenda" is English "Calendar", but English has an
    // "Agenda" too), as whole texts (a label, a button) without placeholders.
    private static readonly FrozenSet<string> FrenchOnlyTexts = FrenchOnly();

    private static FrozenSet<string> FrenchOnly()
    {
        var english = UiTexts.Keys.Select(entry => entry.Value.GetString(entry.Key, English)).OfType<string>().Select(Normalize)
            .ToHashSet(StringComparer.Ordinal);
        return UiTexts.Keys.Select(entry => entry.Value.GetString(entry.Key, French))
            .OfType<string>()
            .Where(french => french.Length >= 4 && !french.Contains('{', StringComparison.Ordinal))
            .Select(Normalize)
            .Where(french => !english.Contains(french))
            .ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>The chrome texts of an English page that are the French of a UI text.</summary>
    public static IEnumerable<string> FrenchOnEnglishPage(IEnumerable<string> uiTexts) =>
        uiTexts.Select(Normalize).Where(FrenchOnlyTexts.Contains).Distinct(StringComparer.Ordinal);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    private static string Normalize(string text) => Spaces().Replace(text, " ").Trim().TrimEnd(':', ' ', '\u00a0');

    /// <summary>For the report: how many keys and key families the check knows.</summary>
    public static string Describe() =>
        string.Create(CultureInfo.InvariantCulture, $"{Keys.Count} keys in {KeyFamilies.Count} families, {FrenchOnlyTexts.Count} French-only texts");
}
