using System.Text.RegularExpressions;

namespace Ruche.Core.Content;

public static class Mentions
{
    /// <summary>The lower-case handle, or null when the text is not a valid handle.</summary>
    public static string? NormalizeHandle(string? handle)
    {
        if (string.IsNullOrWhiteSpace(handle))
        {
            return null;
        }

        var trimmed = handle.Trim().TrimStart('@');
        if (trimmed.Length is 0 or > 64 || !trimmed.All(IsHandleChar) || !char.IsLetterOrDigit(trimmed[0]))
        {
            return null;
        }

        return trimmed.ToLowerInvariant();
    }

    /// <summary>
    /// Every place a text mentions <paramref name="handle"/>, read as the Markdown parser reads a mention
    /// (<see cref="ReferenceParser"/>): "@" starting a word, the handle in any case, and a final ".", "-" or "_"
    /// left out as punctuation — so "Bravo @ana.morel." mentions ana.morel.
    /// </summary>
    public static Regex Of(string handle) => new(
        $@"(?<![\p{{L}}\p{{N}}_#@/&])@{Regex.Escape(handle)}(?=[._-]*(?![A-Za-z0-9._-]))",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
        TimeSpan.FromSeconds(1));

    internal static bool IsHandleChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-';
}
