using System.Globalization;
using System.Text;

namespace Ruche.Core.Content;

public static class Tags
{
    /// <summary>
    /// The key a tag is stored and followed under: lower case without diacritics, so #Télétravail and
    /// #teletravail are one tag. Returns null when the text is not a valid tag.
    /// </summary>
    public static string? Normalize(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag))
        {
            return null;
        }

        var decomposed = tag.Trim().TrimStart('#').Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (!IsTagChar(c))
            {
                return null;
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        var key = builder.ToString().Normalize(NormalizationForm.FormC);
        var hasLetter = key.Any(char.IsLetter);
        return key.Length is > 0 and <= Common.Limits.TagMaxLength && hasLetter ? key : null;
    }

    internal static bool IsTagChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '-';
}
